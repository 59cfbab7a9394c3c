/**
 * The HTTP server: Express in front of Remix. Per request it generates a CSP nonce, sets the security
 * headers of product.md, Security baseline (helmet), rejects cross-origin non-GET requests (CSRF), serves static assets and
 * hands everything else to Remix with a load context built once (server/load-context.server.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import { isCrossOrigin } from './http/csrf'
import { createLoadContext } from './load-context.server'
import { INTERNAL_ERROR_MESSAGE } from '#shared/errors.ts'
import type { Services } from './services.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function toHeaders(req: Request): Headers {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v)
    else if (value !== undefined) headers.set(key, value)
  }
  return headers
}

export interface AppOptions {
  services: Services
  build: ServerBuild | (() => Promise<ServerBuild>)
  production: boolean
  trustProxy?: boolean
  publicDir?: string
}

/** Creates the Express app (no listening; the caller decides the port). */
export function createExpressApp({ services, build, production, trustProxy, publicDir = 'public' }: AppOptions) {
  const app = express()
  app.disable('x-powered-by')
  if (trustProxy) app.set('trust proxy', true)

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    res.locals.requestId = randomUUID()
    res.setHeader('X-Request-Id', res.locals.requestId)
    next()
  })
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

  app.use('/build', express.static(`${publicDir}/build`, { immutable: true, maxAge: '1y' }))
  app.use(express.static(publicDir, { maxAge: '1h' }))

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const crossOrigin = isCrossOrigin(
      { origin: req.get('origin'), host: req.get('host'), secFetchSite: req.get('sec-fetch-site') },
      services.config.appOrigin,
    )
    if (crossOrigin) {
      services.logger.warn({ requestId: res.locals.requestId, method: req.method, path: req.path, origin: req.get('origin') }, 'cross-origin request rejected')
      res.status(403).type('text/plain').send('Cross-origin request rejected.')
      return
    }
    next()
  })

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: production ? 'production' : 'development',
      getLoadContext: (req, res) =>
        createLoadContext(services, { headers: toHeaders(req), ip: req.ip ?? null, cspNonce: res.locals.cspNonce, requestId: res.locals.requestId }, (cookie) =>
          res.append('Set-Cookie', cookie),
        ),
    }),
  )

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    services.logger.error({ err, requestId: res.locals.requestId, path: req.path }, 'unhandled error')
    if (!res.headersSent) res.status(500).type('text/plain').send(`${INTERNAL_ERROR_MESSAGE} Reference: ${res.locals.requestId}`)
  })
  return app
}
