/**
 * Production entry: `npm run serve` (after `npm run build`). Serves Gatehouse on PORT (3000).
 *
 * On a PostgreSQL server it starts one worker per core with `node:cluster` (WEB_CONCURRENCY to
 * override); on the embedded database it stays one process, since PGlite lives inside it (product.md,
 * Operations). Workers share nothing in memory: sessions, permissions and rate limits are in
 * PostgreSQL. SIGTERM / SIGINT drain every worker: no new connections, in-flight requests finish
 * (at most SHUTDOWN_GRACE_MS), then the database pools close.
 */
import cluster, { type Worker } from 'node:cluster'
import os from 'node:os'
import http from 'node:http'
import { env } from './env.server'
import { logger } from './logger.server'

const SHUTDOWN_GRACE_MS = 10_000
const HOUSEKEEPER = 'GATEHOUSE_HOUSEKEEPER'

const workerCount = env.DATABASE_URL ? (env.WEB_CONCURRENCY ?? os.availableParallelism()) : 1

if (cluster.isPrimary && workerCount > 1) await runPrimary(workerCount)
else await runServer()

/** The cluster primary: forks the workers, replaces one that dies, aggregates /metrics, drains on shutdown. */
async function runPrimary(count: number) {
  const { serveClusterMetrics } = await import('./metrics.server')
  serveClusterMetrics()
  let closing = false
  // Exactly one worker runs the hourly housekeeping; its replacement inherits the job.
  const fork = (housekeeper: boolean) => cluster.fork({ [HOUSEKEEPER]: housekeeper ? '1' : '' })
  const housekeepers = new WeakSet<Worker>()
  for (let i = 0; i < count; i++) {
    const worker = fork(i === 0)
    if (i === 0) housekeepers.add(worker)
  }
  cluster.on('exit', (worker, code, signal) => {
    if (closing) return
    logger.error({ pid: worker.process.pid, code, signal }, 'worker died; starting another')
    const replacement = fork(housekeepers.has(worker))
    if (housekeepers.has(worker)) housekeepers.add(replacement)
  })
  logger.info({ workers: count, pid: process.pid }, `Gatehouse primary started ${count} workers (postgres database)`)
  console.log(`Gatehouse is running on http://localhost:${env.PORT} with ${count} workers`)

  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    logger.info({ signal }, 'shutting down every worker')
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
    let alive = workers.length
    if (alive === 0) process.exit(0)
    for (const w of workers) {
      w.once('exit', () => {
        if (--alive === 0) process.exit(0)
      })
      w.process.kill('SIGTERM')
    }
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 5000).unref()
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

/**
 * One server process: the whole app (a cluster worker, or the only process on PGlite). With `--dev`
 * (`npm run dev`) the app is compiled by Vite on demand, with hot module replacement; otherwise it
 * serves the production build (`npm run build`).
 */
async function runServer() {
  const { createExpressApp } = await import('./app.server')
  const { runHousekeeping } = await import('./housekeeping.server')
  const { createServices } = await import('./services.server')
  const server = http.createServer()
  const dev = process.argv.includes('--dev')
    ? await (await import('./http/vite-dev.server')).startViteDev(server)
    : null
  const build = dev ? dev.build : await (await import('./http/server-build.server')).loadServerBuild()
  const services = await createServices()
  const app = createExpressApp({
    services,
    build,
    production: env.NODE_ENV === 'production',
    trustProxy: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN,
    viteMiddlewares: dev?.vite.middlewares,
  })
  server.on('request', app)
  server.listen(env.PORT, () => {
    logger.info(
      { pid: process.pid, worker: cluster.isWorker },
      `Gatehouse listening on http://localhost:${env.PORT} (${services.database.kind} database)`,
    )
    if (!cluster.isWorker) console.log(`Gatehouse is running on http://localhost:${env.PORT}`)
  })

  // Housekeeping, hourly: expired sessions (refused on use, but their rows would stay) and audit retention.
  if (!cluster.isWorker || process.env[HOUSEKEEPER] === '1') {
    void runHousekeeping(services)
    setInterval(() => void runHousekeeping(services), 3600_000).unref()
  }

  // Keep idle connections open longer than a load balancer does (many idle out at 60 s), so the server
  // never closes a connection a client or proxy is about to reuse.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  let closing = false
  async function shutdown(signal: string) {
    if (closing) return
    closing = true
    logger.info({ signal, pid: process.pid }, 'draining')
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
    await closed
    clearTimeout(timer)
    await dev?.vite.close()
    await services.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}
