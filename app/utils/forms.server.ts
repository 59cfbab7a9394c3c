/**
 * The form pattern's server half (product.md, Forms; docs/decisions/0008-forms.md): parse the posted
 * FormData with the procedure's own schema (Conform), call the procedure, and answer either with
 * Conform's reply (400 with field messages, or the procedure's refusal at its fields) or the result.
 */
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type * as z from 'zod/mini'
import type { Context } from '#server/context.server.ts'
import { loginRedirect } from './gate.server'
import { isRouteResponse, publicErrorOf, responseHeadersFor } from './route-errors.server'

/** Reads the posted form; a body that is not a form is treated as an empty one (400 from the schema). */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    return new FormData()
  }
}

/** A failed submission's response: Conform's reply (field and form messages) with its HTTP status. */
type FailureResponse = ReturnType<typeof data<SubmissionResult<string[]>>>

export type FormOutcome<R> = { ok: true; result: R } | { ok: false; response: FailureResponse }

/**
 * Parses `formData` with `schema`, then runs `call` with the parsed value. Bad input answers 400 with
 * every field's message; a refusal from the procedure answers with its status and its messages at
 * the fields it names (or for the whole form). `hideFields` (passwords) are never sent back.
 * UNAUTHORIZED redirects to /login, except with `unauthorizedIsRefusal` (the sign-in form, where it
 * means a wrong email or password and is answered 401 like any other refusal).
 */
export async function submitForm<S extends z.ZodMiniType, R>(
  ctx: Context,
  request: Request,
  formData: FormData,
  schema: S,
  call: (value: z.output<S>) => Promise<R>,
  options: { hideFields?: string[]; unauthorizedIsRefusal?: boolean } = {},
): Promise<FormOutcome<R>> {
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return {
      ok: false,
      response: data(submission.reply({ hideFields: options.hideFields }) as SubmissionResult<string[]>, {
        status: 400,
      }),
    }
  }
  try {
    return { ok: true, result: await call(submission.value) }
  } catch (e) {
    if (isRouteResponse(e)) throw e
    const error = publicErrorOf(ctx, e)
    if (error.code === 'UNAUTHORIZED' && !options.unauthorizedIsRefusal) throw loginRedirect(request)
    const { _form, ...fieldErrors } = error.fieldErrors ?? {}
    const hasFieldErrors = Object.keys(fieldErrors).length > 0
    const reference = error.requestId ? ` Reference: ${error.requestId}` : ''
    const formErrors = hasFieldErrors ? (_form ?? []) : [...(_form ?? []), `${error.message}${reference}`]
    return {
      ok: false,
      response: data(
        submission.reply({ formErrors, fieldErrors, hideFields: options.hideFields }) as SubmissionResult<string[]>,
        { status: error.httpStatus, headers: responseHeadersFor(ctx, error) },
      ),
    }
  }
}
