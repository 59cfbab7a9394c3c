/**
 * Prometheus metrics (prom-client), served at `/metrics` when METRICS_TOKEN is set (product.md,
 * Operations). One registry per process (prom-client's global one); under `node:cluster` the worker
 * that answers asks the primary, which adds up every worker's registry (server/cluster.server.ts).
 *
 * Series:
 *   gatehouse_http_request_duration_seconds{method,route,status}   histogram, every non-static request
 *   gatehouse_procedure_calls_total{procedure,code}                 counter, code OK or the tRPC error code
 *   gatehouse_rate_limit_refusals_total{limiter}                    counter, a 429 from any limiter
 *   gatehouse_failed_sign_ins_total{reason}                         counter, unknown_email | bad_password | inactive
 *   gatehouse_db_pool_connections{state}                            gauge, total | idle | waiting (PostgreSQL pool)
 *   nodejs_eventloop_lag_seconds, process_* …                       prom-client's default metrics
 */
import cluster from 'node:cluster'
import client from 'prom-client'

const registry = client.register

/**
 * This module can be loaded twice in one process (by the server and inside the Remix server bundle),
 * so each metric is registered once and shared through prom-client's global registry.
 */
function once<T>(name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create()
}

if (!registry.getSingleMetric('process_cpu_user_seconds_total')) client.collectDefaultMetrics({ register: registry })
// A worker answers the primary's requests for its registry (prom-client adds that listener once).
if (cluster.isWorker) new client.AggregatorRegistry()

export const httpRequestDuration = once(
  'gatehouse_http_request_duration_seconds',
  () =>
    new client.Histogram({
      name: 'gatehouse_http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
)

export const procedureCalls = once(
  'gatehouse_procedure_calls_total',
  () =>
    new client.Counter({
      name: 'gatehouse_procedure_calls_total',
      help: 'tRPC procedure calls (HTTP and createCaller), by procedure and result code',
      labelNames: ['procedure', 'code'] as const,
    }),
)

export const rateLimitRefusals = once(
  'gatehouse_rate_limit_refusals_total',
  () =>
    new client.Counter({
      name: 'gatehouse_rate_limit_refusals_total',
      help: 'Requests refused by a rate limiter',
      labelNames: ['limiter'] as const,
    }),
)

export const failedSignIns = once(
  'gatehouse_failed_sign_ins_total',
  () =>
    new client.Counter({
      name: 'gatehouse_failed_sign_ins_total',
      help: 'Failed sign-ins, by reason',
      labelNames: ['reason'] as const,
    }),
)

/** The pg pools whose use /metrics reports (the app's Prisma pool and the rate-limit pool). */
type PoolStats = { totalCount: number; idleCount: number; waitingCount: number }
const POOLS = Symbol.for('gatehouse.metrics.pools')
const pools: Set<PoolStats> = ((globalThis as Record<symbol, Set<PoolStats>>)[POOLS] ??= new Set())

/** Reports `pool`'s connections in gatehouse_db_pool_connections until `forgetPool` (it closes). */
export function watchPool(pool: { totalCount: number; idleCount: number; waitingCount: number }): void {
  pools.add(pool)
}
export function forgetPool(pool: object): void {
  pools.delete(pool as never)
}

once(
  'gatehouse_db_pool_connections',
  () =>
    new client.Gauge({
      name: 'gatehouse_db_pool_connections',
      help: 'PostgreSQL pool connections by state (0 on the embedded database)',
      labelNames: ['state'] as const,
      collect() {
        let total = 0
        let idle = 0
        let waiting = 0
        for (const p of pools) {
          total += p.totalCount
          idle += p.idleCount
          waiting += p.waitingCount
        }
        this.set({ state: 'total' }, total)
        this.set({ state: 'idle' }, idle)
        this.set({ state: 'waiting' }, waiting)
      },
    }),
)

const ID_SEGMENT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{20,30}|[A-Za-z0-9_-]{16,}|\d+)$/

/**
 * The route label for a request path: ids become `:id` so the label set stays small
 * (`/candidates/clx…/edit` -> `/candidates/:id/edit`); tRPC calls keep the procedure name
 * (`/api/trpc/users.list`), batches are `/api/trpc/(batch)`; 404s are all `(unmatched)`.
 */
export function routeLabel(path: string, status: number): string {
  if (status === 404) return '(unmatched)'
  if (path.startsWith('/api/trpc/')) {
    const name = path.slice('/api/trpc/'.length)
    return /^[a-zA-Z]+\.[a-zA-Z]+$/.test(name) ? `/api/trpc/${name}` : '/api/trpc/(batch)'
  }
  const segments = path.split('/').map((s) => (ID_SEGMENT.test(s) ? ':id' : s))
  return segments.join('/').slice(0, 80) || '/'
}

interface MetricsRequest {
  type: 'gatehouse:metrics'
  id: number
}
interface MetricsReply {
  type: 'gatehouse:metrics-reply'
  id: number
  body?: string
  error?: string
}

/**
 * The metrics text in Prometheus format: this process's, or every worker's added up when running
 * under the cluster primary. Resolves `{ contentType, body }`.
 */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  if (!cluster.isWorker || !process.send) return { contentType: registry.contentType, body: await registry.metrics() }
  const id = Math.floor(Math.random() * 2 ** 31)
  const body = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage)
      reject(new Error('The cluster primary did not answer with metrics within 5 s'))
    }, 5000)
    const onMessage = (message: MetricsReply) => {
      if (message?.type !== 'gatehouse:metrics-reply' || message.id !== id) return
      clearTimeout(timer)
      process.off('message', onMessage)
      if (message.error !== undefined) reject(new Error(message.error))
      else resolve(message.body ?? '')
    }
    process.on('message', onMessage)
    process.send!({ type: 'gatehouse:metrics', id } satisfies MetricsRequest)
  })
  return { contentType: registry.contentType, body }
}

/** In the cluster primary: answers workers' metrics requests with the sum of all workers' registries. */
export function serveClusterMetrics(): void {
  const aggregator = new client.AggregatorRegistry()
  cluster.on('message', (worker, message: MetricsRequest) => {
    if (message?.type !== 'gatehouse:metrics') return
    aggregator
      .clusterMetrics()
      .then((body) => worker.send({ type: 'gatehouse:metrics-reply', id: message.id, body } satisfies MetricsReply))
      .catch((err: Error) =>
        worker.send({ type: 'gatehouse:metrics-reply', id: message.id, error: err.message } satisfies MetricsReply),
      )
  })
}
