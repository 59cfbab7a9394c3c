/**
 * Route errors from loaders, actions and resource routes, all through the one error path
 * (`toPublicError`, decision 0006): a failed procedure call becomes a route error with its HTTP status
 * and a `PublicError` body (`loadOrThrow`), a form's failure (`actionFailure`), or a JSON response
 * (`resourceResponse`); UNAUTHORIZED in a loader redirects to /login.
 */
import { data } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import type { PublicError } from '#shared/errors.ts'
import type { Context } from '#server/context.server.ts'
import { toPublicError } from '#server/errors.server.ts'
import { redirectWithFlash } from './flash.server'
import { loginRedirect } from './gate.server'

/**
 * `toPublicError`, plus the log line for errors that did not come out of a procedure (procedures'
 * internal errors are already logged by the `logErrors` middleware, so each is logged once).
 */
export function publicErrorOf(ctx: Context, error: unknown): PublicError {
  if (!(error instanceof TRPCError)) {
    ctx.services.logger.error(
      { err: error, requestId: ctx.requestId, userId: ctx.user?.id ?? null },
      'loader or action failed',
    )
  }
  return toPublicError(error, ctx.requestId)
}

/** A redirect or route error already shaped by a gate (`redirect()`, `data(…, { status })`): passed through. */
export function isRouteResponse(e: unknown): boolean {
  return (
    e instanceof Response ||
    (typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'DataWithResponseInit')
  )
}

/** The response headers for a failure: the request's own (cookies) plus Retry-After for a rate limit. */
export function responseHeadersFor(ctx: Context, error: PublicError): Headers {
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
    throw data(error, { status: error.httpStatus, headers: responseHeadersFor(ctx, error) })
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
  return data({ ok: false, error } satisfies ActionFailure, {
    status: error.httpStatus,
    headers: responseHeadersFor(ctx, error),
  })
}

/**
 * A confirm screen's action (delete, deactivate, sign out): runs `run`, the procedure call, which
 * resolves to the flash message, then redirects to `to` with it (POST-redirect-GET + flash). A refusal
 * becomes `actionFailure`'s response, which the screen shows; redirects thrown by `run` pass through.
 */
export async function confirmedAction(ctx: Context, to: string, run: () => Promise<string>) {
  try {
    const message = await run()
    return redirectWithFlash(ctx, to, message)
  } catch (e) {
    return actionFailure(ctx, e)
  }
}

/**
 * For resource routes (CSV exports, picker options): runs `load` and turns a thrown route error
 * (a gate's 403, a 400 from `listParamsFrom`, a procedure's refusal) into a JSON response with its
 * status and `PublicError` body; redirects pass through.
 */
export async function resourceResponse(load: () => Promise<Response | object>): Promise<Response> {
  try {
    const result = await load()
    return result instanceof Response ? result : Response.json(result)
  } catch (e) {
    if (e instanceof Response) return e
    if (isRouteResponse(e)) {
      const { data: body, init } = e as { data: unknown; init: ResponseInit | null }
      return Response.json(body, { status: init?.status ?? 500, headers: init?.headers })
    }
    throw e
  }
}
