/**
 * The HTTP server: Express in front of Remix. Per request it generates a CSP nonce, sets the security
 * headers of product.md, Security baseline (helmet), rejects cross-origin non-GET requests (CSRF), serves static assets and
 * hands everything else to Remix with a load context built once (server/load-context.server.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { Readable } from 'node:stream'
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type AppLoadContext,
  type ServerBuild,
} from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import { pinoHttp } from 'pino-http'
import { isCrossOrigin } from './http/csrf'
import { createLoadContext } from './load-context.server'
import { httpRequestDuration, routeLabel } from './metrics.server'
import { mountOperations } from './http/operations.server'
import { mountStaticFiles } from './http/static-files.server'
import { mountThemeCss } from './http/theme-css.server'
import { handleTrpcRequest } from './http/trpc-handler.server'
import { INTERNAL_ERROR_MESSAGE } from '#shared/errors.ts'
import { plainIp } from '#shared/ip.ts'
import type { Services } from './services.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The Fetch Request Remix handles, from Express's (as @remix-run/express builds it): the full URL as
 * the client asked for it (honouring TRUST_PROXY through `req.hostname` and `req.protocol`), the body
 * as a stream, and a signal that aborts loaders when the client goes away before the answer.
 */
function toFetchRequest(req: Request, res: Response): globalThis.Request {
  const port = req.get('host')?.split(':')[1]
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  const controller = new AbortController()
  let finished = false
  res.on('finish', () => (finished = true))
  res.on('close', () => {
    if (!finished) controller.abort()
  })
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers: toHeaders(req),
    signal: controller.signal,
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    // The body was read (and capped at MAX_BODY_BYTES) by express.raw below; a request without one stays empty.
    if (Buffer.isBuffer(req.body)) init.body = new Uint8Array(req.body) as Uint8Array<ArrayBuffer>
    else {
      init.body = createReadableStreamFromReadable(req)
      init.duplex = 'half'
    }
  }
  return new globalThis.Request(url, init)
}

/**
 * Writes Remix's Response to Express with backpressure: a streamed body (CSV exports) is read only as
 * fast as the client takes it, so memory stays flat however large the answer. (@remix-run/express
 * writes without waiting for the socket, which buffers a slow client's whole download in memory.)
 * A page's HTML (and an event stream) is flushed through the compression after every chunk, so the
 * browser gets the shell and each streamed part when the server has it, not when a buffer fills.
 */
async function sendResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText
  res.status(response.status)
  // A route's own header replaces the default set above (Cache-Control, X-Content-Type-Options)
  // instead of joining it; cookies are the one header that repeats.
  for (const [key, value] of response.headers.entries()) {
    if (key !== 'set-cookie') res.setHeader(key, value)
  }
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie)
  if (!response.body) {
    res.end()
    return
  }
  const flushEach = /^text\/(html|event-stream)/.test(response.headers.get('content-type') ?? '')
  const flush = (res as Response & { flush?: () => void }).flush
  const closed = once(res, 'close').catch(() => undefined)
  const source = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream)
  try {
    for await (const chunk of source) {
      if (res.destroyed) break
      const ok = res.write(chunk)
      if (flushEach) flush?.call(res)
      if (!ok) await Promise.race([once(res, 'drain'), closed])
    }
  } catch (err) {
    res.destroy()
    if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err
    return
  }
  if (!res.destroyed) res.end()
}

function toHeaders(req: Request): Headers {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v)
    else if (value !== undefined) headers.set(key, value)
  }
  return headers
}

const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  400: 'The request could not be read.',
  413: 'The request body is too large.',
  415: 'The request body has an unsupported encoding.',
}

/**
 * The status and message for errors the request itself caused before Remix saw it (body-parser's
 * `entity.too.large` -> 413, an aborted or malformed body -> 400, an unknown encoding -> 415), or
 * null for anything else (a server fault, logged and answered 500).
 */
function clientErrorOf(err: unknown): { status: number; type: string; message: string } | null {
  const e = err as { status?: unknown; expose?: unknown; type?: unknown }
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose !== true) return null
  return {
    status: e.status,
    type: String(e.type ?? 'client_error'),
    message: CLIENT_ERROR_MESSAGES[e.status] ?? CLIENT_ERROR_MESSAGES[400]!,
  }
}

export interface AppOptions {
  services: Services
  build: ServerBuild | (() => Promise<ServerBuild>)
  production: boolean
  /** How many reverse proxies to trust for the client IP (X-Forwarded-For); 0 = the socket's address. */
  trustProxy?: number
  /** The browser's files (default build/client: content-hashed under /assets, copies of public/ beside them). */
  clientDir?: string
  /** Development: Vite's middleware serves the browser's files (and HMR) instead of clientDir. */
  viteMiddlewares?: import('vite').Connect.Server
  /** Bearer token for /metrics; without one /metrics answers 404. */
  metricsToken?: string
}

/** Creates the Express app (no listening; the caller decides the port). */
export function createExpressApp({
  services,
  build,
  production,
  trustProxy,
  clientDir = 'build/client',
  metricsToken,
  viteMiddlewares,
}: AppOptions) {
  const app = express()
  app.disable('x-powered-by')
  // A number of hops, never `true`: with `true` a client could choose its IP with X-Forwarded-For.
  app.set('trust proxy', trustProxy ?? 0)

  // Development: Vite answers for its modules and HMR first (no log line or metric per module).
  if (viteMiddlewares) app.use(viteMiddlewares)

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    res.locals.requestId = randomUUID()
    res.setHeader('X-Request-Id', res.locals.requestId)
    if (!req.path.startsWith('/assets/')) {
      const stop = httpRequestDuration.startTimer({ method: req.method })
      res.on('finish', () => stop({ route: routeLabel(req.path, res.statusCode), status: String(res.statusCode) }))
    }
    next()
  })
  // One log line per request: method, route, status, duration, request id, user id. Never headers,
  // cookies, bodies or query strings (they may hold search terms or tokens).
  app.use(
    pinoHttp({
      logger: services.logger,
      genReqId: (_req, res) => (res as unknown as Response).locals.requestId,
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/assets/') || req.url === '/favicon.ico' },
      quietReqLogger: true,
      // Added once, on the completion line (customProps would run at the start too and repeat the keys).
      customSuccessObject: (req, res, line) => ({
        ...line,
        route: routeLabel((req as Request).path, res.statusCode),
        userId: (res as unknown as Response).locals.userId ?? null,
      }),
      customErrorObject: (req, res, _err, line) => ({
        ...line,
        route: routeLabel((req as Request).path, res.statusCode),
        userId: (res as unknown as Response).locals.userId ?? null,
      }),
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  )
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`, "'strict-dynamic'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          ...(production ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      strictTransportSecurity: production ? { maxAge: 63072000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: 'deny' },
    }),
  )
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()')
    next()
  })

  // A path that does not decode (invalid UTF-8 such as %ED%A0%80, a stray %) is the client's
  // fault: 400 before any router tries to decode it (it was a 500, found by the long fuzz run).
  app.use((req, res, next) => {
    try {
      decodeURIComponent(req.path)
    } catch {
      res.status(400).type('text/plain').send(CLIENT_ERROR_MESSAGES[400])
      return
    }
    next()
  })

  // On-the-fly compression (brotli or gzip, by Accept-Encoding) for what has no precompressed copy:
  // pages, JSON, CSV. Never an event stream (each event must leave at once; nothing to gain).
  app.use(
    compression({
      filter: (req, res) =>
        !/^text\/event-stream/.test(String(res.getHeader('Content-Type') ?? '')) && compression.filter(req, res),
    }),
  )

  mountOperations(app, services, { metricsToken })
  mountThemeCss(app)

  if (!viteMiddlewares) mountStaticFiles(app, clientDir)

  // Everything past the static files is per-user: never stored by a browser or a shared cache.
  app.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store')
    next()
  })

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const crossOrigin = isCrossOrigin(
      { origin: req.get('origin'), host: req.get('host'), secFetchSite: req.get('sec-fetch-site') },
      services.config.appOrigin,
    )
    if (crossOrigin) {
      services.logger.warn(
        { requestId: res.locals.requestId, method: req.method, path: req.path, origin: req.get('origin') },
        'cross-origin request rejected',
      )
      res.status(403).type('text/plain').send('Cross-origin request rejected.')
      return
    }
    next()
  })

  // Bodies are read whole before anything parses them, at most MAX_BODY_BYTES: larger -> 413, and a
  // lying Content-Length or a slow endless body cannot hold more than that in memory.
  app.use(express.raw({ type: () => true, limit: services.config.maxBodyBytes }))

  /** Answers with `handler`, given the request as Fetch sees it and its load context (built once, here). */
  const serve =
    (handler: (request: globalThis.Request, loadContext: AppLoadContext) => Promise<globalThis.Response>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const loadContext = await createLoadContext(
          services,
          {
            headers: toHeaders(req),
            ip: plainIp(req.ip ?? null),
            cspNonce: res.locals.cspNonce,
            requestId: res.locals.requestId,
          },
          (cookie) => res.append('Set-Cookie', cookie),
        )
        res.locals.userId = loadContext.ctx.user?.id
        await sendResponse(res, await handler(toFetchRequest(req, res), loadContext))
      } catch (err) {
        next(err)
      }
    }
  // The API for scripts goes straight to tRPC; everything else is a Remix page, action or resource.
  app.all(['/api/trpc', '/api/trpc/*'], serve(handleTrpcRequest))
  app.all('*', serve(createRequestHandler(build, production ? 'production' : 'development')))

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const clientError = clientErrorOf(err)
    if (clientError) {
      services.logger.warn(
        { requestId: res.locals.requestId, path: req.path, status: clientError.status, type: clientError.type },
        'request refused',
      )
      if (!res.headersSent) res.status(clientError.status).type('text/plain').send(clientError.message)
      return
    }
    services.logger.error({ err, requestId: res.locals.requestId, path: req.path }, 'unhandled error')
    if (!res.headersSent)
      res.status(500).type('text/plain').send(`${INTERNAL_ERROR_MESSAGE} Reference: ${res.locals.requestId}`)
  })
  return app
}
