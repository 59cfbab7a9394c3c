/**
 * The one error path (product.md, Errors; decision 0006): `toPublicError` turns any error into what a
 * client may see (`PublicError`). Its callers: the tRPC error formatter (server/trpc.ts, for
 * `/api/trpc`); for pages, `publicErrorOf` in app/utils/route-errors.server.ts (behind `loadOrThrow`'s
 * error pages, `actionFailure` and `submitForm`'s form replies), `listParamsFrom`'s 400 for a bad
 * query string and `requirePage`'s 403. Internal errors become INTERNAL_ERROR_MESSAGE
 * with the request id as a reference and are logged once: by the tRPC `logErrors` middleware for
 * procedures, by `publicErrorOf` (route-errors.server.ts) for other errors a loader or action
 * catches, and by Remix's `handleError` (app/entry.server.tsx) for errors nothing caught.
 */
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import { INTERNAL_ERROR_MESSAGE, type FieldErrors, type PublicError } from '#shared/errors.ts'
import { RateLimitedError } from './rate-limit.server'

/**
 * Cause for domain errors that belong to a form field (e.g. "email already in use"): they reach the
 * client as `fieldErrors`, exactly like zod input errors.
 */
export class FieldErrorsCause extends Error {
  constructor(public fieldErrors: FieldErrors) {
    super('Invalid fields')
  }
}

/**
 * A TRPCError whose message is shown to the user and whose field errors go next to the inputs:
 * `message` at `field`, plus a message at each field of `others` (`{ outcome: 'Choose …' }`) when the
 * refusal concerns more than one input.
 */
export function fieldError(
  code: TRPCError['code'],
  field: string,
  message: string,
  others: Record<string, string> = {},
): TRPCError {
  const fields: FieldErrors = { [field]: [message] }
  for (const [name, text] of Object.entries(others)) fields[name] = [text]
  return new TRPCError({ code, message, cause: new FieldErrorsCause(fields) })
}

interface IssueLike {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>
  message: string
}

/**
 * Field messages from a zod (or any Standard Schema) validation error, keyed by top-level field
 * (`sort.field` is reported under `sort`). Null when `cause` carries none.
 */
export function fieldErrorsFrom(cause: unknown): FieldErrors | null {
  if (cause instanceof FieldErrorsCause) return cause.fieldErrors
  const issues = (cause as { issues?: IssueLike[] } | undefined)?.issues
  if (!Array.isArray(issues)) return null
  const out: FieldErrors = {}
  for (const issue of issues) {
    const first = issue.path?.[0]
    const key = first === undefined ? '_form' : String(typeof first === 'object' ? first.key : first)
    const list = (out[key] ??= [])
    if (!list.includes(issue.message)) list.push(issue.message)
  }
  return out
}

/** Whether `error` is one the client must not see the details of (anything but a TRPCError below 500). */
export function isInternalError(error: unknown): boolean {
  return !(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR'
}

/**
 * What a client may see of `error`. TRPCErrors keep their code and message (bad input becomes
 * "Please correct the highlighted fields." with `fieldErrors`); anything else, and every
 * INTERNAL_SERVER_ERROR, becomes INTERNAL_ERROR_MESSAGE with `requestId` as the reference.
 */
export function toPublicError(error: unknown, requestId: string | null): PublicError {
  if (isInternalError(error)) {
    return {
      code: 'INTERNAL_SERVER_ERROR',
      httpStatus: 500,
      message: INTERNAL_ERROR_MESSAGE,
      fieldErrors: null,
      retryAfterSeconds: null,
      requestId,
    }
  }
  const e = error as TRPCError
  const fieldErrors = fieldErrorsFrom(e.cause)
  const fromSchema = e.code === 'BAD_REQUEST' && fieldErrors !== null && !(e.cause instanceof FieldErrorsCause)
  return {
    code: e.code,
    httpStatus: getHTTPStatusCodeFromError(e),
    message: fromSchema ? 'Please correct the highlighted fields.' : e.message,
    fieldErrors,
    retryAfterSeconds: e.cause instanceof RateLimitedError ? e.cause.retryAfterSeconds : null,
    requestId: null,
  }
}
