/**
 * Calling procedures from loaders and actions (product.md, Architecture): `caller(ctx)` over the
 * request's context, and the one error path (`toPublicError`) for what goes wrong.
 */
import { data, type AppLoadContext } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import type { z } from 'zod'
import type { PublicError } from '#shared/errors.ts'
import type { Context } from '#server/context.server.ts'
import { toPublicError } from '#server/errors.server.ts'
import { createCaller } from '#server/routers/_app.ts'
import { loginRedirect } from './gate.server'

/** A tRPC caller over the request's context (built once per request). */
export function caller(ctx: Context) {
  return createCaller(ctx)
}

/**
 * `toPublicError`, plus the log line for errors that did not come out of a procedure (procedures'
 * internal errors are already logged by the `logErrors` middleware, so each is logged once).
 */
function publicErrorOf(ctx: Context, error: unknown): PublicError {
  if (!(error instanceof TRPCError)) {
    ctx.services.logger.error({ err: error, requestId: ctx.requestId, userId: ctx.user?.id ?? null }, 'loader or action failed')
  }
  return toPublicError(error, ctx.requestId)
}

/** A redirect or route error already shaped by a gate (`redirect()`, `data(…, { status })`): passed through. */
function isRouteResponse(e: unknown): boolean {
  return e instanceof Response || (typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'DataWithResponseInit')
}

function headersFor(ctx: Context, error: PublicError): Headers {
  const headers = new Headers(ctx.responseHeaders)
  if (error.retryAfterSeconds !== null) headers.set('Retry-After', String(error.retryAfterSeconds))
  return headers
}

/**
 * Runs procedure calls in a loader. A failure becomes a thrown route error with the matching HTTP
 * status and a `PublicError` body (400 with field messages, 403, 404, 429, 500 with a reference),
 * which the route's ErrorBoundary renders; UNAUTHORIZED redirects to /login.
 */
export async function loadOrThrow<T>(ctx: Context, request: Request, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (e) {
    if (isRouteResponse(e)) throw e
    const error = publicErrorOf(ctx, e)
    if (error.code === 'UNAUTHORIZED') throw loginRedirect(request)
    throw data(error, { status: error.httpStatus, headers: headersFor(ctx, error) })
  }
}

export interface ActionFailure {
  ok: false
  error: PublicError
}

/**
 * Turns a failed procedure call in an action into a response the form can show: the status from the
 * error (400 with field messages for bad input, 403, 404, 409, 429 with Retry-After, 500 with a
 * reference), never a driver message.
 */
export function actionFailure(ctx: Context, e: unknown) {
  if (isRouteResponse(e)) throw e
  const error = publicErrorOf(ctx, e)
  return data({ ok: false, error } satisfies ActionFailure, { status: error.httpStatus, headers: headersFor(ctx, error) })
}

/** Query-string names that differ from the input names (product.md, Lists: URLs). */
const URL_NAMES: Record<string, string> = { search: 'q', pageSize: 'size' }

/**
 * Turns a list screen's query string into its procedure's input, parsed with the procedure's own
 * schema: `q` -> search, `size` -> pageSize, `sort` + `dir` -> sort, every other filter under its
 * input name; empty values are dropped. Bad values throw a 400 route error naming the field.
 */
export function listParamsFrom<S extends z.ZodObject>(context: AppLoadContext, url: URL, schema: S): z.output<S> {
  const params = url.searchParams
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(schema.shape)) {
    if (key === 'sort') {
      const field = params.get('sort')
      if (field) raw.sort = { field, direction: params.get('dir') || undefined }
      continue
    }
    const value = params.get(URL_NAMES[key] ?? key)
    if (value !== null && value !== '') raw[key] = value
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const error = toPublicError(new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid query string', cause: parsed.error }), context.ctx.requestId)
    throw data(error, { status: 400 })
  }
  return parsed.data
}

/** Reads a JSON action body; a malformed body is a 400, not a 500. */
export async function readJson(ctx: Context, request: Request): Promise<Record<string, unknown>> {
  try {
    const body = await request.json()
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // fall through
  }
  return actionFailureThrow(ctx)
}

function actionFailureThrow(ctx: Context): never {
  throw actionFailure(ctx, new TRPCError({ code: 'BAD_REQUEST', message: 'The request body must be a JSON object.' }))
}
