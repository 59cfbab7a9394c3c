/**
 * The Remix load context: built once per HTTP request by the Express adapter (server/app.server.ts)
 * and shared by every loader, action and `/api/trpc` in that request.
 */
import { createContext, type Context, type RequestInfo } from './context.server'
import type { Services } from './services.server'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The tRPC context: user, session, ability (server/context.server.ts). */
    ctx: Context
    /** Per-request Content-Security-Policy nonce for inline scripts. */
    cspNonce: string
  }
  interface Future {
    v3_singleFetch: true
  }
}

/**
 * Builds the load context. Set-Cookie headers produced while validating the session (a refreshed or
 * cleared cookie) are handed to `onSetCookie` so the adapter can add them to whatever response follows.
 */
export async function createLoadContext(
  services: Services,
  req: RequestInfo & { cspNonce?: string },
  onSetCookie?: (cookie: string) => void,
) {
  const ctx = await createContext(services, req)
  for (const cookie of ctx.responseHeaders.getSetCookie()) onSetCookie?.(cookie)
  if (onSetCookie) ctx.responseHeaders.delete('Set-Cookie')
  return { ctx, cspNonce: req.cspNonce ?? '' }
}
