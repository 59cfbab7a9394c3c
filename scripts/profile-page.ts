/**
 * Where a page's server time goes: `node --cpu-prof --import tsx scripts/profile-page.ts /users 200`
 * serves the production build in-process on DATABASE_URL (seeded), requests the path N times as the
 * demo admin, then prints self time by package (react-dom, @mantine, prisma, pg, …) from the
 * profile the run wrote (./CPU.*.cpuprofile; open it in Chrome DevTools for the full picture).
 */
import fs from 'node:fs'
import path from 'node:path'
import { Session } from 'node:inspector/promises'
import { UNLIMITED_RATE_LIMITS } from './unlimited-rates'

process.env.LOG_LEVEL ??= 'warn'
// As `npm run serve` runs in production: React's development build is several times slower.
process.env.NODE_ENV ??= 'production'
const [target = '/users', runsArg = '200'] = process.argv.slice(2)
const runs = Number(runsArg)

const { createServices } = await import('#server/services.server.ts')
const { createExpressApp } = await import('#server/app.server.ts')
const services = await createServices({ config: { rateLimits: UNLIMITED_RATE_LIMITS } })
const admin = await services.prisma.user.findUniqueOrThrow({ where: { email: 'admin@gatehouse.test' } })
const { cookie } = await services.prisma.$transaction((tx) =>
  services.auth.createSession(tx, admin.id, { ipAddress: '127.0.0.1', userAgent: 'profile' }),
)
const { loadServerBuild } = await import('#server/http/server-build.server.ts')
const build = await loadServerBuild()
const server = createExpressApp({ services, build, production: true }).listen(0, '127.0.0.1')
await new Promise((r) => server.once('listening', r))
const { port } = server.address() as { port: number }
const get = async () => {
  const res = await fetch(`http://127.0.0.1:${port}${target}`, { headers: { cookie: cookie.split(';')[0]! } })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`${target} answered ${res.status}`)
}
for (let i = 0; i < 20; i++) await get()

const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.start')
const started = performance.now()
for (let i = 0; i < runs; i++) await get()
const ms = (performance.now() - started) / runs
const { profile } = await session.post('Profiler.stop')

// Self time per package (or per app file), from the sampled profile.
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map<number, number>()
const deltas = profile.timeDeltas ?? []
;(profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)))
const totals = new Map<string, number>()
for (const [id, us] of self) {
  const url = byId.get(id)?.callFrame.url ?? ''
  const pkg =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    (url.includes('/build/server/')
      ? 'app (server build)'
      : url
        ? path.relative(process.cwd(), url.replace('file://', ''))
        : byId.get(id)?.callFrame.functionName || '(native)')
  totals.set(pkg, (totals.get(pkg) ?? 0) + us)
}
const all = [...totals.values()].reduce((a, b) => a + b, 0)
console.log(`${target}: ${ms.toFixed(1)} ms per request over ${runs} runs\n`)
for (const [pkg, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 18)) {
  console.log(
    `${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000 / runs).toFixed(2).padStart(7)} ms/req  ${pkg}`,
  )
}
fs.writeFileSync(`profile-${target.replace(/\W+/g, '_')}.cpuprofile`, JSON.stringify(profile))
server.close()
await services.close()
