/**
 * Serves `/api/trpc` (product.md, API) with the request's context. Server-only so the browser bundle never
 * sees the routers.
 */
import type { AppLoadContext } from '@remix-run/node'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { logger } from '#server/logger.server.ts'
import { appRouter } from '#server/routers/_app.ts'

/** Handles one tRPC HTTP request; copies headers procedures set (Set-Cookie, Retry-After) onto the response. */
export async function handleTrpcRequest(request: Request, context: AppLoadContext): Promise<Response> {
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => context.ctx,
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'procedure failed')
    },
  })
  for (const [key, value] of context.ctx.responseHeaders) {
    if (key.toLowerCase() !== 'set-cookie') response.headers.set(key, value)
  }
  for (const cookie of context.ctx.responseHeaders.getSetCookie()) response.headers.append('Set-Cookie', cookie)
  return response
}
