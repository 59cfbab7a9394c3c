/**
 * Test fixtures over real parts: a migrated database, the real services (Lucia sessions, rate
 * limiters), demo users from the real seed, and contexts built from real session cookies.
 */
import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import pino from 'pino'
import { createExpressApp } from '#server/app.server.ts'
import { loadServerBuild } from '#server/http/server-build.server.ts'
import { SESSION_COOKIE_NAME } from '#server/auth/session.server.ts'
import { createContext, type Context } from '#server/context.server.ts'
import { createCaller } from '#server/routers/_app.ts'
import { seedDemoData } from '#server/seed.server.ts'
import { createServices, type Services, type ServicesConfig } from '#server/services.server.ts'
import type { Role } from '#shared/permissions/policy.ts'
import type { Logger } from '#server/logger.server.ts'
import type { RateLimitConfig } from '#server/rate-limit.server.ts'
import { createTestDatabase } from './db'

export const TEST_PASSWORD = 'correct-horse-battery'
export const DEMO = {
  admin: 'admin@gatehouse.test',
  manager: 'manager@gatehouse.test',
  agent: 'agent@gatehouse.test',
  viewer: 'viewer@gatehouse.test',
} as const satisfies Record<Role, string>

export interface TestApp {
  services: Services
  /** The test database's URL when it lives on a PostgreSQL server (TEST_DATABASE_URL); else undefined. */
  databaseUrl?: string
  prisma: Services['prisma']
  /** Ids of the four demo accounts. */
  ids: Record<Role, string>
  /** Starts a real session for `email` and returns its cookie token. */
  sessionToken(email: string): Promise<string>
  /** A request context built from a real session cookie, exactly as a request would build it. */
  ctxFor(email: string, ip?: string): Promise<Context>
  /** A context for a request with the given cookie token (or none). */
  ctxWithToken(token: string | null, ip?: string): Promise<Context>
  /** `createCaller` over a signed-in context. */
  callerFor(email: string): Promise<ReturnType<typeof createCaller>>
  /** A user created directly in the database (with a real password hash from the seed's hash). */
  createUser(data: {
    email: string
    fullName?: string
    role: Role
    active?: boolean
  }): Promise<{ id: string; email: string; role: Role }>
  close(): Promise<void>
}

/**
 * Sets up a test app. `demoOverrides: false` seeds the four demo accounts without the demo overrides,
 * so role defaults apply untouched.
 */
/** Rate limits high enough that no test trips them unless it lowers one on purpose (`rateLimits`). */
export const GENEROUS_LIMITS: RateLimitConfig = {
  loginPerEmailIp: 1000,
  loginPerIpDay: 10_000,
  loginPerAccountHour: 10_000,
  requestsPerMinute: 100_000,
  exportsPerHour: 10_000,
  userCreatesPerHour: 10_000,
}

export async function setupTestApp(
  options: {
    demoOverrides?: boolean
    config?: Partial<ServicesConfig>
    rateLimits?: Partial<RateLimitConfig>
    logger?: Logger
    now?: () => Date
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase()
  const services = await createServices({
    database: testDb.database,
    databaseUrl: testDb.databaseUrl,
    logger: options.logger,
    now: options.now,
    config: {
      secureCookies: false,
      ...options.config,
      rateLimits: { ...GENEROUS_LIMITS, ...options.rateLimits },
    },
  })
  const prisma = services.prisma
  await seedDemoData(prisma, { password: TEST_PASSWORD, candidates: 6, interviews: 6, calls: 12, extraStaff: 2 })
  if (options.demoOverrides === false) await prisma.userPageAccess.deleteMany()
  const users = await prisma.user.findMany({
    where: { email: { in: Object.values(DEMO) } },
    select: { id: true, role: true },
  })
  const ids = Object.fromEntries(users.map((u) => [u.role, u.id])) as Record<Role, string>
  const { passwordHash } = await prisma.user.findUniqueOrThrow({
    where: { email: DEMO.admin },
    select: { passwordHash: true },
  })

  const app: TestApp = {
    services,
    databaseUrl: testDb.databaseUrl,
    prisma,
    ids,
    async sessionToken(email) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } })
      const { cookie } = await prisma.$transaction((tx) =>
        services.auth.createSession(tx, user.id, { ipAddress: '127.0.0.1', userAgent: 'vitest' }),
      )
      return cookie.match(new RegExp(`${SESSION_COOKIE_NAME}=([^;]+)`))![1]!
    },
    async ctxWithToken(token, ip = '127.0.0.1') {
      const headers = new Headers({ 'user-agent': 'vitest' })
      if (token) headers.set('cookie', `${SESSION_COOKIE_NAME}=${token}`)
      return createContext(services, { headers, ip })
    },
    async ctxFor(email, ip) {
      return app.ctxWithToken(await app.sessionToken(email), ip)
    },
    async callerFor(email) {
      return createCaller(await app.ctxFor(email))
    },
    async createUser(data) {
      return prisma.user.create({
        data: {
          email: data.email,
          fullName: data.fullName ?? data.email.split('@')[0]!,
          role: data.role,
          active: data.active ?? true,
          passwordHash,
        },
        select: { id: true, email: true, role: true },
      })
    },
    async close() {
      await services.limits.close()
      await testDb.drop()
    },
  }
  return app
}

export interface TestServer {
  url: string
  /** The connections the server has open now (a socket leaves once the server has seen it close). */
  sockets: ReadonlySet<Socket>
  close(): Promise<void>
}

/**
 * Serves the real Remix build (test/global-setup.ts builds it) over real HTTP on a free port.
 * `trustProxy` (hops), `production` (HSTS, upgrade-insecure-requests) and `metricsToken` as in server/main.ts.
 */
export async function startServer(
  services: Services,
  options: { trustProxy?: number; production?: boolean; metricsToken?: string } = {},
): Promise<TestServer> {
  const build = await loadServerBuild()
  const app = createExpressApp({
    services,
    build,
    production: options.production ?? false,
    trustProxy: options.trustProxy,
    metricsToken: options.metricsToken,
  })
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  // As in production: keep idle connections longer than clients reuse them (see server/main.ts).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    sockets,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Signs in over HTTP with the login form and returns the session cookie token. */
export async function httpSignIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: '/dashboard' }),
  })
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed with ${res.status}`)
  return cookie.split(';')[0]!.split('=')[1]!
}

/** GET `path` with a session cookie, without following redirects. */
export function httpGet(baseUrl: string, path: string, token?: string | null) {
  return fetch(`${baseUrl}${path}`, {
    redirect: 'manual',
    headers: token ? { cookie: `${SESSION_COOKIE_NAME}=${token}` } : {},
  })
}

/** A pino logger that keeps every line in `lines` (parsed JSON), for tests that check what is logged. */
export function memoryLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = []
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) })
  return { logger, lines }
}

/** POST a form (`application/x-www-form-urlencoded`, same origin) with a session cookie, without following redirects. */
export function httpPost(baseUrl: string, path: string, token: string | null, fields: Record<string, string>) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: baseUrl,
      'content-type': 'application/x-www-form-urlencoded',
      ...(token ? { cookie: `${SESSION_COOKIE_NAME}=${token}` } : {}),
    },
    body: new URLSearchParams(fields),
  })
}
