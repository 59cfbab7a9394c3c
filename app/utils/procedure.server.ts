/**
 * Calling procedures from loaders and actions (product.md, Architecture): `caller(ctx)` over the
 * request's context, and the one error path (`toPublicError`) for what goes wrong.
 */
import { data, type AppLoadContext } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import type * as z from 'zod/mini'
import type { PublicError } from '#shared/errors.ts'
import type { Context } from '#server/context.server.ts'
import { toPublicError } from '#server/errors.server.ts'
import { createCaller } from '#server/routers/_app.ts'
import { loginRedirect } from './gate.server'
import { localDateToUtc } from '#server/time.server.ts'

/** A tRPC caller over the request's context (built once per request). */
export function caller(ctx: Context) {
  return createCaller(ctx)
}

/**
 * `toPublicError`, plus the log line for errors that did not come out of a procedure (procedures'
 * internal errors are already logged by the `logErrors` middleware, so each is logged once).
 */
export function publicErrorOf(ctx: Context, error: unknown): PublicError {
  if (!(error instanceof TRPCError)) {
    ctx.services.logger.error({ err: error, requestId: ctx.requestId, userId: ctx.user?.id ?? null }, 'loader or action failed')
  }
  return toPublicError(error, ctx.requestId)
}

/** A redirect or route error already shaped by a gate (`redirect()`, `data(…, { status })`): passed through. */
export function isRouteResponse(e: unknown): boolean {
  return e instanceof Response || (typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'DataWithResponseInit')
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
  return data({ ok: false, error } satisfies ActionFailure, { status: error.httpStatus, headers: responseHeadersFor(ctx, error) })
}

/** Query-string names that differ from the input names (product.md, Lists: URLs). */
const URL_NAMES: Record<string, string> = { search: 'q', pageSize: 'size' }

/**
 * Turns a list screen's query string into its procedure's input, parsed with the procedure's own
 * schema: `q` -> search, `size` -> pageSize, `sort` + `dir` -> sort, every other filter under its
 * input name (repeated names become a list); empty values are dropped. `dayBounds` reads the named
 * parameters as calendar days ("2026-11-24") in the viewer's time zone: `start` their first
 * instant, `end` the first instant of the next day. Bad values throw a 400 route error naming the field.
 */
export function listParamsFrom<S extends z.ZodMiniObject>(
  context: AppLoadContext,
  url: URL,
  schema: S,
  options: { dayBounds?: Record<string, 'start' | 'end'> } = {},
): z.output<S> {
  const params = url.searchParams
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(schema.shape)) {
    if (key === 'sort') {
      const field = params.get('sort')
      if (field) raw.sort = { field, direction: params.get('dir') || undefined }
      continue
    }
    const values = params.getAll(URL_NAMES[key] ?? key).filter((v) => v !== '')
    if (values.length === 0) continue
    const bound = options.dayBounds?.[key]
    if (bound && values.length === 1) {
      // A calendar day in the viewer's time zone: its first instant, or the first of the next day.
      const day = localDateToUtc(values[0]!, context.ctx.timeZone)
      raw[key] = day ? (bound === 'start' ? day : new Date(day.getTime() + 86_400_000)) : values[0]
      continue
    }
    raw[key] = values.length === 1 ? values[0] : values
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const error = toPublicError(new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid query string', cause: parsed.error }), context.ctx.requestId)
    throw data(error, { status: 400 })
  }
  return parsed.data
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
