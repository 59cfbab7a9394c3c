/**
 * `npm run bench`: hot-path timings on a throw-away embedded database (migrated with the real Prisma
 * CLI and seeded with the demo data). Prints microseconds per operation; targets live here, not in
 * unit tests. Set DATABASE_URL to measure against a PostgreSQL server instead (that database is used
 * as is: migrate and seed it first; with the large dataset add BENCH_ITERATIONS=0.05).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { UNLIMITED_RATE_LIMITS } from './unlimited-rates'

process.env.LOG_LEVEL ??= 'warn' // no request log lines between the timings
process.env.NODE_ENV ??= 'production' // React's production build, as `npm run serve` runs it (the development build is twice as slow)
const usePostgres = Boolean(process.env.DATABASE_URL)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'))
if (!usePostgres) {
  process.env.PGLITE_DATA_DIR = path.join(dir, 'db')
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { stdio: 'ignore', env: process.env })
}

const { createServices } = await import('#server/services.server.ts')
const { seedDemoData } = await import('#server/seed.server.ts')
const { createContext } = await import('#server/context.server.ts')
const { createCaller } = await import('#server/routers/_app.ts')
const { defineAbilityFor } = await import('#shared/permissions/ability.ts')

const services = await createServices({ config: { rateLimits: UNLIMITED_RATE_LIMITS } })
await seedDemoData(services.prisma, { password: 'gatehouse-demo' })
const admin = await services.prisma.user.findUniqueOrThrow({ where: { email: 'admin@gatehouse.test' } })
const { cookie } = await services.prisma.$transaction((tx) =>
  services.auth.createSession(tx, admin.id, { ipAddress: '127.0.0.1', userAgent: 'bench' }),
)
const headers = new Headers({ cookie: cookie.split(';')[0]! })

/** BENCH_ITERATIONS=0.05 runs a twentieth of each count (at least 5): for large datasets. */
const iterationFactor = Number(process.env.BENCH_ITERATIONS ?? 1)

async function bench(name: string, fn: () => unknown, runs: number) {
  const iterations = Math.max(5, Math.round(runs * iterationFactor))
  for (let i = 0; i < Math.min(20, iterations); i++) await fn() // warm-up
  const start = performance.now()
  for (let i = 0; i < iterations; i++) await fn()
  const us = ((performance.now() - start) * 1000) / iterations
  console.log(`${name.padEnd(52)} ${us.toFixed(1).padStart(10)} µs/op  (${iterations} runs)`)
}

console.log(`Gatehouse bench on ${services.database.kind}, ${os.cpus().length} cores\n`)
await bench(
  'defineAbilityFor (role + 2 overrides)',
  () =>
    defineAbilityFor(
      'agent',
      [
        { pageName: 'candidates', hasAccess: true },
        { pageName: 'calls', hasAccess: false },
      ],
      'user-1',
    ),
  20_000,
)
await bench(
  'createContext (validate session + overrides + ability)',
  () => createContext(services, { headers, ip: '127.0.0.1' }),
  500,
)
const ctx = await createContext(services, { headers, ip: '127.0.0.1' })
const caller = createCaller(ctx)
await bench('auth.me via createCaller', () => caller.auth.me(), 5_000)
await bench('users.list (page of 20, sorted, counted)', () => caller.users.list({ pageSize: 20 }), 300)
await bench('users.list search "an" (trigram index)', () => caller.users.list({ search: 'an', pageSize: 20 }), 300)
await bench('permissions.matrix (50 users x 6 pages)', () => caller.permissions.matrix({ pageSize: 50 }), 300)
await bench('dashboard.summary', () => caller.dashboard.summary(), 300)
await bench('candidates.list (page of 20, newest first)', () => caller.candidates.list({ pageSize: 20 }), 300)
await bench(
  'candidates.list search "an", open only',
  () => caller.candidates.list({ search: 'an', status: 'open', pageSize: 20 }),
  300,
)
const fortnight = { from: new Date(), to: new Date(Date.now() + 15 * 86_400_000) }
await bench(
  'interviews.list (next 14 days, page of 20)',
  () => caller.interviews.list({ ...fortnight, pageSize: 20 }),
  300,
)
await bench('calls.list (newest first, page of 20)', () => caller.calls.list({ pageSize: 20 }), 300)
await bench(
  'calls.list search "555 01" (number, trigram)',
  () => caller.calls.list({ search: '555 01', pageSize: 20 }),
  300,
)
await bench('candidates.positions (distinct, for the filter)', () => caller.candidates.positions(), 300)
await bench('interviews.interviewers (picker, first 20)', () => caller.interviews.interviewers({}), 300)
await bench('interviews.candidateOptions (picker, first 20)', () => caller.interviews.candidateOptions({}), 300)
await bench('audit.list (newest 50)', () => caller.audit.list({ limit: 50 }), 300)
await bench(
  'interviews.calendar (one week)',
  () => caller.interviews.calendar({ from: new Date(), to: new Date(Date.now() + 7 * 86_400_000) }),
  300,
)

// Whole pages: the production build served in-process over HTTP (server time, one request at a time).
const { loadServerBuild, SERVER_BUILD_FILE } = await import('#server/http/server-build.server.ts')
if (fs.existsSync(SERVER_BUILD_FILE)) {
  const { createExpressApp } = await import('#server/app.server.ts')
  const build = await loadServerBuild()
  const server = createExpressApp({ services, build, production: true }).listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  const { port } = server.address() as { port: number }
  const get = async (p: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { cookie: headers.get('cookie')! } })
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}`)
    await res.arrayBuffer()
  }
  for (const p of [
    '/dashboard',
    '/users',
    '/candidates',
    '/interviews',
    '/interviews?view=week',
    '/calls',
    '/audit',
    '/permissions',
  ]) {
    await bench(`GET ${p} (server time, whole page)`, () => get(p), 100)
  }
  server.close()
} else {
  console.log('\n(no build/server/index.js: run `npm run build` to also time whole pages)')
}

await services.close()
fs.rmSync(dir, { recursive: true, force: true })
