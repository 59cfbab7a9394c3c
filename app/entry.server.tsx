/**
 * Server rendering (committed on purpose: without it Remix adds a default one and may install `isbot` on its own).
 * Streams HTML; bots get the fully rendered page. Passes the per-request CSP nonce to React and to
 * every inline script Remix emits.
 */
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleErrorFunction,
} from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { htmlBodyStream } from '#app/utils/html-stream.server.ts'
import { NonceProvider } from '#app/utils/nonce.tsx'

export const streamTimeout = 5_000

/**
 * Logs errors thrown outside procedures in loaders and actions (product.md, Errors): once, at error
 * level, with the request id the error page shows as its reference; client errors (4xx) are not faults. Procedure errors were logged by tRPC already and
 * reach Remix as route responses, which do not come here.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return
  // A 404 for an unknown address or a 405 for a method no route takes is the client's doing, not a
  // fault: the request's own log line (info) records it, so real errors do not drown among them.
  if (isRouteErrorResponse(error) && error.status < 500) return
  const { ctx } = context
  ctx.services.logger.error(
    { err: error, requestId: ctx.requestId, userId: ctx.user?.id ?? null, path: new URL(request.url).pathname },
    'request failed',
  )
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let body: ReturnType<typeof htmlBodyStream> | undefined
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          // Development hydrates against the client's own render, which has no nonce on these links (React would warn).
          body = htmlBodyStream(import.meta.env.DEV ? undefined : nonce)
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Before the shell, onShellError rejects and Remix reports the error. After it, a body
          // already destroyed means the client hung up mid-page, which is not an error (the
          // request's abort signal can fire a tick later); anything else is logged once with the
          // request id, like every other error (handleError).
          if (body && !body.destroyed) handleError(error, { request, params: {}, context: loadContext })
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}
