/**
 * Page gates and tRPC helpers for loaders and actions. Pages use the same ability as procedures:
 * signed out -> redirect to /login?redirectTo=<path>; signed in without access -> 403 with the
 * Unauthorized page (SPEC §3).
 */
import { data, redirect, type AppLoadContext } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import type { Context } from '../../server/context.server'
import type { AppAction } from '../../server/permissions/ability'
import type { Page } from '../../server/permissions/policy'
import { createCaller } from '../../server/routers/_app'
import { fieldErrorsFrom, type FieldErrors } from '../../server/trpc'

export type SignedInContext = Context & { user: NonNullable<Context['user']>; session: NonNullable<Context['session']> }

/** The login URL that brings the user back to `request`'s path afterwards. */
export function loginRedirect(request: Request) {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  return redirect(`/login?${new URLSearchParams({ redirectTo })}`)
}

/** Throws a redirect to /login when signed out; returns the signed-in context. */
export function requireUser(context: AppLoadContext, request: Request): SignedInContext {
  const { ctx } = context
  if (!ctx.user || !ctx.session) throw loginRedirect(request)
  return ctx as SignedInContext
}

/**
 * Gate for a page loader: signed out -> redirect; no `action` on `page` -> 403 (rendered as the
 * Unauthorized page by the route's ErrorBoundary). Returns the signed-in context.
 */
export function requirePage(context: AppLoadContext, request: Request, page: Page, action: AppAction = 'read'): SignedInContext {
  const ctx = requireUser(context, request)
  if (!ctx.ability.can(action, page)) {
    throw data({ message: 'You do not have access to this page.' }, { status: 403 })
  }
  return ctx
}

/** A tRPC caller over the request's context (built once per request). */
export function caller(ctx: Context) {
  return createCaller(ctx)
}

/**
 * Runs a procedure call in a loader. A TRPCError becomes a thrown route error with the matching HTTP
 * status (400 for bad query strings, 403, 404, …) instead of a 500; UNAUTHORIZED redirects to login.
 */
export async function loadOrThrow<T>(request: Request, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e
    if (e.code === 'UNAUTHORIZED') throw loginRedirect(request)
    const fieldErrors = fieldErrorsFrom(e.cause)
    const details = fieldErrors ? Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v.join(', ')}`) : []
    throw data({ message: e.message, details }, { status: getHTTPStatusCodeFromError(e) })
  }
}

export interface ActionFailure {
  ok: false
  formError: string
  fieldErrors: FieldErrors | null
}

/**
 * Turns a failed procedure call in an action into a response the form can show: status from the
 * error (400 with field messages for bad input, 403, 404, 409, 429 with Retry-After), never a 500.
 */
export function actionFailure(ctx: Context, e: unknown) {
  if (!(e instanceof TRPCError)) throw e
  const body: ActionFailure = { ok: false, formError: e.message, fieldErrors: fieldErrorsFrom(e.cause) }
  return data(body, { status: getHTTPStatusCodeFromError(e), headers: ctx.responseHeaders })
}

/** Reads a JSON action body; a malformed body is a 400, not a 500. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  try {
    const body = await request.json()
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // fall through
  }
  throw data({ ok: false, formError: 'The request body must be a JSON object.', fieldErrors: null } satisfies ActionFailure, { status: 400 })
}
