/**
 * Production entry: `npm run serve` (after `npm run build`). Serves Gatehouse on PORT (3000).
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createExpressApp } from './app.server'
import { env } from './env.server'
import { logger } from './logger.server'
import { createServices } from './services.server'

const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
const services = await createServices()
const app = createExpressApp({ services, build, production: env.NODE_ENV === 'production', trustProxy: env.TRUST_PROXY })
const server = app.listen(env.PORT, () => {
  logger.info(`Gatehouse listening on http://localhost:${env.PORT} (${services.database.kind} database)`)
  console.log(`Gatehouse is running on http://localhost:${env.PORT}`)
})

// Housekeeping: expired sessions are refused on use, but their rows would otherwise stay forever.
const sweepSessions = () => services.auth.deleteExpiredSessions().catch((err) => logger.warn({ err }, 'session sweep failed'))
void sweepSessions()
setInterval(sweepSessions, 3600_000).unref()

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
