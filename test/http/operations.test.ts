/**
 * The operations endpoints and request logging over real HTTP (product.md, Operations): /healthz,
 * /readyz, /metrics behind its token with counters that move, and one log line per request with
 * the request id the client also gets, never a cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO,
  httpGet,
  httpSignIn,
  memoryLogger,
  setupTestApp,
  startServer,
  type TestApp,
  type TestServer,
} from '#test/helpers/app.ts'

const TOKEN = 'metrics-token-for-tests-0123'
let app: TestApp
let server: TestServer
const log = memoryLogger()

beforeAll(async () => {
  app = await setupTestApp({ logger: log.logger })
  server = await startServer(app.services, { metricsToken: TOKEN })
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

/** The value of one series in Prometheus text (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}
const metrics = async () =>
  (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text()

describe('health and readiness', () => {
  it('/healthz answers 200 with no session and no database work', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', pid: process.pid })
  })

  it('/readyz is 200 when the database answers and every migration is applied, 503 when one is missing', async () => {
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
    const [latest] = await app.prisma.$queryRaw<
      { migration_name: string }[]
    >`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`
    await app.prisma
      .$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${latest!.migration_name}`
    try {
      const res = await fetch(`${server.url}/readyz`)
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ status: 'unavailable', reason: '1 migration(s) not applied' })
    } finally {
      await app.prisma
        .$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${latest!.migration_name}`
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  })
})

describe('/metrics', () => {
  it('needs the token: none or a wrong one is 401, and no metrics leak', async () => {
    const none = await fetch(`${server.url}/metrics`)
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer')
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-token-for-tests-0124' },
    })
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).not.toContain('gatehouse_')
  })

  it('is 404 on a server started without a token', async () => {
    const bare = await startServer(app.services)
    try {
      expect((await fetch(`${bare.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404)
    } finally {
      await bare.close()
    }
  })

  it('counts requests by route and status, procedure calls by code, failed sign-ins and rate-limit refusals', async () => {
    const before = await metrics()
    const token = await httpSignIn(server.url, DEMO.manager)
    expect((await httpGet(server.url, '/users', token)).status).toBe(403)
    expect((await httpGet(server.url, '/candidates', token)).status).toBe(200)
    await fetch(`${server.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: new URLSearchParams({ email: DEMO.manager, password: 'not-the-password-at-all' }),
    })
    const after = await metrics()
    const count = (route: string, status: number) =>
      `gatehouse_http_request_duration_seconds_count{method="GET",route="${route}",status="${status}"}`
    expect(sample(after, count('/candidates', 200)) - sample(before, count('/candidates', 200))).toBe(1)
    expect(sample(after, count('/users', 403)) - sample(before, count('/users', 403))).toBe(1)
    const listCalls = 'gatehouse_procedure_calls_total{procedure="candidates.list",code="OK"}'
    expect(sample(after, listCalls)).toBeGreaterThan(sample(before, listCalls))
    const failed = 'gatehouse_failed_sign_ins_total{reason="bad_password"}'
    expect(sample(after, failed) - sample(before, failed)).toBe(1)
    expect(after).toContain('nodejs_eventloop_lag_seconds')
    expect(after).toContain('gatehouse_db_pool_connections{state="total"}')
  })

  it('counts a refusal by a rate limiter', async () => {
    const limited = await setupTestApp({ rateLimits: { loginPerEmailIp: 1 } })
    const limitedServer = await startServer(limited.services, { metricsToken: TOKEN })
    try {
      const before = await metrics()
      const attempt = () =>
        fetch(`${limitedServer.url}/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: limitedServer.url },
          body: new URLSearchParams({ email: DEMO.viewer, password: 'not-the-password-at-all' }),
        })
      await attempt()
      expect((await attempt()).status).toBe(429)
      const series = 'gatehouse_rate_limit_refusals_total{limiter="login_email_ip"}'
      expect(sample(await metrics(), series) - sample(before, series)).toBe(1)
    } finally {
      await limitedServer.close()
      await limited.close()
    }
  })
})

describe('request log', () => {
  it('one line per request with method, route, status, duration, user id and the X-Request-Id the client got; no cookie', async () => {
    const token = await httpSignIn(server.url, DEMO.admin)
    const res = await httpGet(server.url, `/users/${app.ids.agent}?secret=query-value`, token)
    expect(res.status).toBe(200)
    const requestId = res.headers.get('x-request-id')
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    // The line is written when the server has finished the (compressed, streamed) answer.
    await res.arrayBuffer()
    await expect.poll(() => log.lines.filter((l) => l.reqId === requestId).length).toBe(1)
    const lines = log.lines.filter((l) => l.reqId === requestId)
    expect(lines[0]).toMatchObject({
      req: { method: 'GET', path: `/users/${app.ids.agent}` },
      route: '/users/:id',
      res: { status: 200 },
      userId: app.ids.admin,
    })
    expect(typeof lines[0]!.responseTime).toBe('number')
    const text = JSON.stringify(log.lines)
    expect(text).not.toContain(token)
    expect(text).not.toContain('query-value')
    expect(text).not.toContain('gatehouse-demo')
  })
})

describe('/theme.css', () => {
  it("serves the theme's variables once, at a content-hashed address cached for a year, instead of inline in every page", async () => {
    const page = await (await httpGet(server.url, '/candidates', await httpSignIn(server.url, DEMO.manager))).text()
    expect(page).not.toContain('--mantine-color-indigo-light-color:') // no inline copy of the variables
    const href = /<link rel="stylesheet" href="(\/theme-[0-9a-f]{10}\.css)"/.exec(page)?.[1]
    expect(href, 'the page links the hashed theme stylesheet').toBeTruthy()
    const res = await fetch(`${server.url}${href}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/css/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const css = await res.text()
    expect(css).toContain('--mantine-primary-color-filled: var(--mantine-color-indigo-filled)') // primaryColor indigo
    expect(css).toContain('--mantine-color-indigo-filled: var(--mantine-color-indigo-7)') // primaryShade 7
    expect(css).toMatch(/\[data-mantine-color-scheme="dark"\][^}]*--mantine-color-anchor/) // our per-scheme overrides
    // The old address still answers (pages cached before a deploy), for an hour.
    const old = await fetch(`${server.url}/theme.css`)
    expect(old.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(await old.text()).toBe(css)
  })

  it('links the favicon by a content-hashed name cached for a year', async () => {
    const page = await (await httpGet(server.url, '/login')).text()
    const href = /<link rel="icon" href="(\/assets\/favicon-[\w-]+\.svg)"/.exec(page)?.[1]
    expect(href, 'the page links the hashed favicon').toBeTruthy()
    const res = await fetch(`${server.url}${href}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('immutable')
  })
})
