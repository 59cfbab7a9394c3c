/**
 * Running in production (product.md, Operations), against a PostgreSQL 15 cluster this file starts
 * itself (scripts/pg-cluster.sh; skipped where the PostgreSQL binaries are missing):
 * - two instances on one database behave as one: a session from one works on the other, request
 *   limits are counted across both, an override changed on one applies on the other's next request;
 * - `server/main.ts` starts a worker per WEB_CONCURRENCY on PostgreSQL and drains on SIGTERM, and
 *   stays one process on the embedded database;
 * - /readyz turns 503 when the database goes away and 200 again when it is back, with no restart.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#server/db.server.ts'
import { seedDemoData } from '#server/seed.server.ts'
import { createServices, type Services } from '#server/services.server.ts'
import { SESSION_COOKIE_NAME } from '#server/auth/session.server.ts'
import {
  DEMO,
  GENEROUS_LIMITS,
  TEST_PASSWORD,
  httpGet,
  httpSignIn,
  startServer,
  type TestServer,
} from '#test/helpers/app.ts'
import { limit, waitFor } from '#test/helpers/wait.ts'

const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin'
const hasPostgres = fs.existsSync(path.join(PGBIN, 'pg_ctl'))
const REQUESTS_PER_MINUTE = 20

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

/** Fetches `url` until `ok(res)`; throws once `timeout` ms passed (a server still starting refuses connections). */
function waitForResponse(
  url: string,
  ok: (res: Response) => boolean,
  what: string,
  timeout = limit(120_000),
): Promise<Response> {
  return waitFor(
    async () => {
      const res = await fetch(url)
      return ok(res) ? res : null
    },
    { what, timeout },
  )
}

/**
 * Starts `server/main.ts` as `npm run serve` does; resolves once /healthz answers. Starting means
 * loading the app with tsx and, on PostgreSQL, forking workers that do the same: on a busy machine
 * that takes much longer than the second or two it takes on an idle one.
 */
async function serve(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; exited: Promise<number | null> }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  const state = await waitFor(
    async () => (child.exitCode !== null ? 'exited' : (await fetch(`${url}/healthz`)).ok ? 'started' : null),
    {
      what: 'server/main.ts to answer /healthz',
      timeout: limit(120_000),
    },
  )
  if (state === 'exited') throw new Error(`server/main.ts exited with ${child.exitCode} before answering /healthz`)
  return { url, child, exited }
}

/** The pid that answers /healthz, on a fresh connection each time (a kept-alive one stays with one worker). */
function healthPid(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/healthz`, { agent: false }, (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk))
        res.on('end', () => resolve((JSON.parse(body) as { pid: number }).pid))
      })
      .on('error', reject)
  })
}

/** Pids answering over `requests` fresh connections. */
async function pidsServing(url: string, requests: number): Promise<Set<number>> {
  const pids = new Set<number>()
  for (let i = 0; i < requests; i++) pids.add(await healthPid(url))
  return pids
}

describe('one process on the embedded database', () => {
  it(
    'WEB_CONCURRENCY is ignored: PGlite lives inside the one process',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-pglite-'))
      const { url, child, exited } = await serve({ DATABASE_URL: '', PGLITE_DATA_DIR: dataDir, WEB_CONCURRENCY: '4' })
      try {
        // Every answer comes from the process that was started: it serves itself, so it forked no workers
        // (a cluster's primary only supervises, see the PostgreSQL test below).
        expect([...(await pidsServing(url, 30))]).toEqual([child.pid])
      } finally {
        child.kill('SIGTERM')
        expect(await exited).toBe(0)
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    },
    limit(300_000),
  )
})

describe.runIf(hasPostgres)('on a PostgreSQL server', () => {
  let dir: string
  let port: number
  let databaseUrl: string
  const opened: Services[] = []

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-pg-'))
    port = await freePort()
    databaseUrl = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', dir, String(port)], {
      encoding: 'utf8',
    }).trim()
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    })
    const services = await instance()
    await seedDemoData(services.prisma, {
      password: TEST_PASSWORD,
      candidates: 4,
      interviews: 4,
      calls: 8,
      extraStaff: 1,
    })
  }, limit(300_000))

  afterAll(async () => {
    for (const s of opened) await s.close().catch(() => {})
    if (dir) {
      execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir])
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  /** Services for one more instance on the shared database (its own pools, as a separate machine has). */
  async function instance(): Promise<Services> {
    const database = await openDatabase({ databaseUrl })
    const services = await createServices({
      database,
      databaseUrl,
      config: { secureCookies: false, rateLimits: { ...GENEROUS_LIMITS, requestsPerMinute: REQUESTS_PER_MINUTE } },
    })
    opened.push(services)
    return services
  }

  describe('two instances behind a load balancer', () => {
    let a: TestServer
    let b: TestServer
    beforeAll(async () => {
      a = await startServer(await instance())
      b = await startServer(await instance())
    })
    afterAll(async () => {
      await a?.close()
      await b?.close()
    })

    it('a session started on one instance works on the other, and signing out on it ends it on both', async () => {
      const token = await httpSignIn(a.url, DEMO.manager)
      const page = await httpGet(b.url, '/candidates', token)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Morgan Manager')
      const out = await fetch(`${b.url}/logout`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: b.url, cookie: `${SESSION_COOKIE_NAME}=${token}` },
      })
      expect(out.status).toBe(302)
      const after = await httpGet(a.url, '/candidates', token)
      expect(after.status).toBe(302)
      expect(after.headers.get('location')).toMatch(/^\/login/)
    })

    it('the request limit is counted across both: alternating calls get exactly the limit, then 429 on either', async () => {
      const token = await httpSignIn(a.url, DEMO.agent)
      const me = (url: string) => httpGet(url, '/api/trpc/auth.me', token)
      const statuses: number[] = []
      for (let i = 0; i < REQUESTS_PER_MINUTE + 4; i++) statuses.push((await me(i % 2 ? b.url : a.url)).status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(REQUESTS_PER_MINUTE)
      expect(statuses.slice(REQUESTS_PER_MINUTE)).toEqual([429, 429, 429, 429])
    })

    it('an override changed on one instance applies on the next request to the other, with no sign-in again', async () => {
      const viewer = await httpSignIn(b.url, DEMO.viewer)
      expect((await httpGet(b.url, '/calls', viewer)).status).toBe(200) // the demo override allows calls
      const admin = await httpSignIn(a.url, DEMO.admin)
      const { id: viewerId } = (await (await httpGet(a.url, '/api/trpc/auth.me', viewer)).json()).result.data.json.user
      const set = await fetch(`${a.url}/api/trpc/permissions.set`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE_NAME}=${admin}` },
        body: JSON.stringify({ json: { userId: viewerId, page: 'calls', access: 'deny' } }),
      })
      expect(set.status).toBe(200)
      expect((await httpGet(b.url, '/calls', viewer)).status).toBe(403)
    })
  })

  it(
    'npm run serve starts WEB_CONCURRENCY workers that all serve, and SIGTERM drains them and exits 0',
    async () => {
      const { url, child, exited } = await serve({ DATABASE_URL: databaseUrl, WEB_CONCURRENCY: '2' })
      try {
        // /healthz answers as soon as the first worker listens; the second may still be starting.
        const pids = new Set<number>()
        await waitFor(async () => pids.add(await healthPid(url)).size >= 2, {
          what: 'both workers to answer',
          timeout: limit(120_000),
        })
        expect(pids.size).toBe(2)
        expect(pids.has(child.pid!)).toBe(false) // the primary only supervises
        expect((await fetch(`${url}/login`)).status).toBe(200)
        expect((await fetch(`${url}/readyz`)).status).toBe(200)
      } finally {
        child.kill('SIGTERM')
        expect(await exited).toBe(0)
      }
      await expect(fetch(`${url}/healthz`)).rejects.toThrow()
    },
    limit(300_000),
  )

  it(
    '/readyz is 503 while the database is down and 200 again once it is back, with no restart',
    async () => {
      const server = await startServer(await instance())
      try {
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
        execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir])
        const down = await fetch(`${server.url}/readyz`)
        expect(down.status).toBe(503)
        expect(await down.json()).toMatchObject({ status: 'unavailable' })
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200) // alive, just not ready
        execFileSync('bash', ['scripts/pg-cluster.sh', 'resume', dir, String(port)])
        const back = await waitForResponse(`${server.url}/readyz`, (r) => r.status === 200, '/readyz to be 200 again')
        expect(back.status).toBe(200)
      } finally {
        await server.close()
      }
    },
    limit(300_000),
  )
})
