/**
 * The operations endpoints (product.md, Operations), mounted before sessions, CSRF and Remix so a
 * load balancer's probes cost no database session and no rate-limit points:
 *   GET /healthz  200 `{ status: 'ok', pid }` while the process runs (liveness);
 *   GET /readyz   200 when the database answers within 2 s and every migration in prisma/migrations
 *                 is applied, else 503 `{ status: 'unavailable', reason }` (readiness);
 *   GET /metrics  Prometheus text (server/metrics.server.ts) with `Authorization: Bearer METRICS_TOKEN`;
 *                 401 with a wrong token, 404 when no token is configured.
 */
import { timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Express } from 'express'
import { metricsText } from '../metrics.server'
import type { Services } from '../services.server'

const READY_TIMEOUT_MS = 2000

/** Migration folder names the code expects, read once (prisma/migrations relative to the working directory). */
function expectedMigrations(dir = path.resolve('prisma/migrations')): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
}

/**
 * Why the database is not ready, or null when it is: unreachable or slow (2 s), or migrations from
 * `expected` not applied.
 */
export async function readinessProblem(services: Services, expected: readonly string[]): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)
  })
  try {
    const rows = await Promise.race([
      services.prisma.$queryRaw<
        { migration_name: string }[]
      >`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeout,
    ])
    const applied = new Set(rows.map((r) => r.migration_name))
    const missing = expected.filter((m) => !applied.has(m))
    return missing.length ? `${missing.length} migration(s) not applied` : null
  } catch (e) {
    return (e as Error).message === 'timeout' ? 'database did not answer in time' : 'database unreachable'
  } finally {
    clearTimeout(timer)
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '')
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/** Adds /healthz, /readyz and /metrics to `app`. */
export function mountOperations(
  app: Express,
  services: Services,
  options: { metricsToken?: string; migrationsDir?: string } = {},
): void {
  const expected = expectedMigrations(options.migrationsDir)

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', pid: process.pid })
  })

  app.get('/readyz', async (_req, res) => {
    const problem = await readinessProblem(services, expected)
    if (problem) {
      services.logger.warn({ reason: problem }, 'not ready')
      res.status(503).json({ status: 'unavailable', reason: problem })
      return
    }
    res.json({ status: 'ready' })
  })

  app.get('/metrics', async (req, res) => {
    const token = options.metricsToken
    if (!token) {
      res.status(404).type('text/plain').send('Not found.')
      return
    }
    if (!tokenMatches(req.get('authorization'), token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('A valid metrics token is required.')
      return
    }
    try {
      const { contentType, body } = await metricsText()
      res.type(contentType).send(body)
    } catch (err) {
      services.logger.error({ err, requestId: res.locals.requestId }, 'metrics failed')
      res.status(503).type('text/plain').send('Metrics are unavailable right now.')
    }
  })
}
