/**
 * Calling procedures from loaders and actions (product.md, Architecture): `caller(ctx)` over the
 * request's context, the same procedures `/api/trpc` serves. What goes wrong is turned into route
 * responses by app/utils/route-errors.server.ts.
 */
import type { Context } from '#server/context.server.ts'
import { createCaller } from '#server/routers/_app.ts'

/** A tRPC caller over the request's context (built once per request). */
export function caller(ctx: Context) {
  return createCaller(ctx)
}
