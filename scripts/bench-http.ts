/**
 * `npm run bench:http`: Gatehouse over real HTTP against a bare `node:http` baseline
 * (scripts/bare-baseline.ts) on the same PostgreSQL database, 32 connections with autocannon. It
 * prints, it never fails: targets live in product.md, Performance, not in tests.
 *
 * Steps: production build; a PostgreSQL 15 cluster of its own (scripts/pg-cluster.sh), migrated and
 * seeded with the demo data plus `--scale` (default `large`: 100k users, 1M calls, 1M audit rows);
 * `npm run serve` (a worker per core) and the baseline; then each page and tRPC list of the
 * navigation signed in as the demo admin. Finally the HTML size of a 50-row list and the client
 * JavaScript and CSS per page as Chromium loads them (scripts/measure-client.ts: gzip -9, raw).
 *
 * Options: --scale 10k|large, --duration SECONDS (per target, default 10), --connections N (32),
 * --workers N (WEB_CONCURRENCY for the app), --skip-build, --only TEXT (only the targets whose name
 * contains TEXT, besides the baseline; skips the deep-page and size reports). BENCH_DATABASE_URL uses
 * an existing, already seeded database instead of starting a cluster.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import pg from 'pg'
import { concretePaths, measureClient, recordIds, weightTable } from './measure-client'

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    workers: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})
const duration = Number(args.duration)
const connections = Number(args.connections)
const children: ChildProcess[] = []
let clusterDir: string | null = null

function log(line: string) {
  process.stderr.write(`[bench:http] ${line}\n`)
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

async function waitUntilUp(url: string, ms = 60_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const res = await fetch(url).catch(() => null)
    if (res && res.status < 500) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not come up`)
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  return child
}

function cleanUp() {
  for (const c of children) c.kill('SIGTERM')
  if (clusterDir) {
    execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', clusterDir])
    fs.rmSync(clusterDir, { recursive: true, force: true })
    clusterDir = null
  }
}
process.on('SIGINT', () => {
  cleanUp()
  process.exit(130)
})

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({
      email: 'admin@gatehouse.test',
      password: process.env.SEED_PASSWORD ?? 'gatehouse-demo',
      redirectTo: '/dashboard',
    }),
  })
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gatehouse_session='))
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`)
  return cookie.split(';')[0]!
}

interface Row {
  what: string
  rps: number
  p50: number
  p99: number
  bytes: number
  errors: number
}

async function measure(what: string, url: string, cookie: string): Promise<Row> {
  const result = await autocannon({ url, connections, duration, headers: { cookie }, timeout: 30 })
  const ok = result['2xx']
  return {
    what,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: ok ? result.throughput.total / result.requests.total : 0,
    errors: result.non2xx + result.errors + result.timeouts,
  }
}

const trpc = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`

try {
  if (!args['skip-build']) {
    log('building (production)…')
    execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  let databaseUrl = process.env.BENCH_DATABASE_URL
  if (!databaseUrl) {
    clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-pg-'))
    databaseUrl = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', clusterDir, String(await freePort())], {
      encoding: 'utf8',
    }).trim()
    log(`PostgreSQL at ${databaseUrl}; migrating and seeding --scale ${args.scale} (takes a minute or more)…`)
    const env = { ...process.env, DATABASE_URL: databaseUrl }
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env, stdio: 'ignore' })
    execFileSync('npx', ['tsx', 'prisma/seed.ts', '--scale', args.scale!], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
  }

  const appPort = await freePort()
  const barePort = await freePort()
  const workers = args.workers ?? String(os.availableParallelism())
  start(['server/main.ts'], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(appPort),
    WEB_CONCURRENCY: workers,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000000',
  })
  start(['scripts/bare-baseline.ts'], { DATABASE_URL: databaseUrl, PORT: String(barePort) })
  const app = `http://127.0.0.1:${appPort}`
  const bare = `http://127.0.0.1:${barePort}`
  await waitUntilUp(`${app}/healthz`)
  await waitUntilUp(`${bare}/`)
  const cookie = await signIn(app)
  log(`app (${workers} workers) on ${app}, baseline on ${bare}; ${connections} connections, ${duration} s per target`)

  const targets: Array<[string, string]> = [
    ['bare baseline, 20 users as an HTML table', `${bare}/`],
    ['/users, 20 rows', `${app}/users`],
    ['/candidates, 20 rows', `${app}/candidates`],
    ['/interviews, 20 rows', `${app}/interviews`],
    ['/calls, 20 rows', `${app}/calls`],
    ['/audit, 50 entries', `${app}/audit`],
    ['/dashboard', `${app}/dashboard`],
    ['/permissions, 50 users (its default page)', `${app}/permissions`],
    ['users.list over /api/trpc, 20 rows', `${app}${trpc('users.list', {})}`],
    ['candidates.list over /api/trpc', `${app}${trpc('candidates.list', {})}`],
    ['interviews.list over /api/trpc', `${app}${trpc('interviews.list', {})}`],
    ['calls.list over /api/trpc', `${app}${trpc('calls.list', {})}`],
    ['audit.list over /api/trpc', `${app}${trpc('audit.list', {})}`],
  ]
  const rows: Row[] = []
  for (const [what, url] of targets.filter(([what], i) => i === 0 || !args.only || what.includes(args.only))) {
    log(what)
    rows.push(await measure(what, url, cookie))
  }
  const base = rows[0]!.rps
  const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
  console.log(
    `\n| what (${connections} connections, ${args.scale} dataset, ${workers} workers) | req/s | p50 | p99 | bytes | share of bare | non-2xx/errors |`,
  )
  console.log('|---|---|---|---|---|---|---|')
  for (const r of rows) {
    console.log(
      `| ${r.what} | ${n(r.rps)} | ${n(r.p50)} ms | ${n(r.p99)} ms | ${n(r.bytes / 1024, 1)} KB | ${n((100 * r.rps) / base, 1)}% | ${r.errors} |`,
    )
  }

  if (!args.only) {
    // Deep pages, one request at a time (server time, so database time is at most this): the audit
    // log's keyset page ~90% of the way into the log, and an offset page 1,000 rows into calls.
    const deepRow = await (async () => {
      const pgClient = new pg.Client({ connectionString: databaseUrl })
      await pgClient.connect()
      const { rows } = await pgClient.query(
        'SELECT timestamp, id FROM audit_logs ORDER BY timestamp DESC, id DESC OFFSET (SELECT (count(*) * 0.9)::int FROM audit_logs) LIMIT 1',
      )
      await pgClient.end()
      return rows[0] as { timestamp: Date; id: string } | undefined
    })()
    const sequential = async (url: string, runs = 20) => {
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const t = performance.now()
        const res = await fetch(url, { headers: { cookie } })
        await res.arrayBuffer()
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
        times.push(performance.now() - t)
      }
      return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
    }
    if (deepRow) {
      const cursor = Buffer.from(`${deepRow.timestamp.toISOString()}|${deepRow.id}|older`).toString('base64url')
      console.log(
        `\naudit.list keyset page 90% deep, one at a time: ${n(await sequential(`${app}${trpc('audit.list', { cursor, limit: 50 })}`), 1)} ms median (target: ≤ 20 ms of database time)`,
      )
      console.log(
        `audit.list action=login, same depth: ${n(await sequential(`${app}${trpc('audit.list', { cursor, limit: 50, action: 'login' })}`), 1)} ms median`,
      )
    }
    console.log(
      `calls.list page 50 of 20 (offset 1,000), one at a time: ${n(await sequential(`${app}${trpc('calls.list', { page: 50 })}`), 1)} ms median`,
    )

    const fifty = await fetch(`${app}/calls?size=50`, { headers: { cookie } })
    const html = Buffer.byteLength(await fifty.text())
    console.log(`\nHTML of /calls?size=50 (50 rows): ${n(html / 1024, 1)} KB (target ≤ 60 KB)`)
    const users50 = await fetch(`${app}/users?size=50`, { headers: { cookie } })
    console.log(`HTML of /users?size=50 (50 rows): ${n(Buffer.byteLength(await users50.text()) / 1024, 1)} KB`)

    // What a browser downloads per page (Chromium, signed in as the demo admin, until network idle).
    const pgClient = new pg.Client({ connectionString: databaseUrl })
    await pgClient.connect()
    const ids = await recordIds(async (sql) => (await pgClient.query<{ id: string }>(sql)).rows)
    await pgClient.end()
    const weights = await measureClient(app, concretePaths(ids), {
      email: 'admin@gatehouse.test',
      password: process.env.SEED_PASSWORD ?? 'gatehouse-demo',
    })
    console.log('\nClient JavaScript and CSS per page (target: JS ≤ 150 KB gzip up front, CSS ≤ 60 KB raw):\n')
    console.log(weightTable(weights))
  }
} finally {
  cleanUp()
}
