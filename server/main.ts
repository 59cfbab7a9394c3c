/**
 * Production entry: `npm run serve` (after `npm run build`). Serves Gatehouse on PORT (3000).
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createExpressApp } from './app.server'
import { env } from './env.server'
import { logger } from './logger.server'
import { runHousekeeping } from './housekeeping.server'
import { createServices } from './services.server'

const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
const services = await createServices()
const app = createExpressApp({ services, build, production: env.NODE_ENV === 'production', trustProxy: env.TRUST_PROXY })
const server = app.listen(env.PORT, () => {
  logger.info(`Gatehouse listening on http://localhost:${env.PORT} (${services.database.kind} database)`)
  console.log(`Gatehouse is running on http://localhost:${env.PORT}`)
})

// Housekeeping, hourly: expired sessions (refused on use, but their rows would stay) and audit retention.
void runHousekeeping(services)
setInterval(() => void runHousekeeping(services), 3600_000).unref()

// Keep idle connections open longer than a load balancer does (many idle out at 60 s), so the server
// never closes a connection a client or proxy is about to reuse.
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  logger.info({ signal }, 'shutting down')
  server.close()
  server.closeAllConnections()
  await services.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
