/**
 * Page gates for loaders and actions (product.md, Permissions: pages). Pages use the same ability as
 * procedures: signed out -> redirect to /login?redirectTo=<path>; signed in without access -> 403
 * with the Unauthorized page, its body made by the one error path (`toPublicError`).
 */
import { data, redirect, type AppLoadContext } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import type { AppAction } from '#shared/permissions/ability.ts'
import { refusalMessage, type Page } from '#shared/permissions/policy.ts'
import type { Context } from '#server/context.server.ts'
import { toPublicError } from '#server/errors.server.ts'

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

/** The 403 route error for `ctx` refused `action` on `page`: a FORBIDDEN PublicError naming what is missing. */
function forbidden(ctx: Context, page: Page, action: AppAction) {
  const message = refusalMessage(page, action, ctx.ability.can('read', page))
  return data(toPublicError(new TRPCError({ code: 'FORBIDDEN', message }), ctx.requestId), { status: 403 })
}

/**
 * The gate for a page's loader and action: signed out -> redirect; no `action` on `page` -> 403
 * (rendered as the Unauthorized page by the route's ErrorBoundary). Returns the signed-in context.
 */
export function requirePage(
  context: AppLoadContext,
  request: Request,
  page: Page,
  action: AppAction = 'read',
): SignedInContext {
  const ctx = requireUser(context, request)
  if (!ctx.ability.can(action, page)) throw forbidden(ctx, page, action)
  return ctx
}
