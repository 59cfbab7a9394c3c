/**
 * Password guessing against the real HTTP server (product.md, Security baseline: rate limits). Every
 * password check that fails writes one `login_failed` entry with reason `bad_password`, so counting
 * those entries counts the password checks: an attempt a limit refuses checks no password and writes
 * nothing. The server trusts one proxy hop, so a test chooses its client IP with X-Forwarded-For as
 * a reverse proxy would set it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#server/db.server.ts'
import { createServices, type Services } from '#server/services.server.ts'
import {
  GENEROUS_LIMITS,
  httpSignIn,
  setupTestApp,
  startServer,
  TEST_PASSWORD,
  type TestApp,
  type TestServer,
} from '#test/helpers/app.ts'

const PER_EMAIL_IP = 5
const PER_ACCOUNT = 8
const WRONG = 'not-the-password-at-all'

let app: TestApp
let server: TestServer
let n = 0

beforeAll(async () => {
  app = await setupTestApp({ rateLimits: { loginPerEmailIp: PER_EMAIL_IP, loginPerAccountHour: PER_ACCOUNT } })
  server = await startServer(app.services, { trustProxy: 1 })
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

/** A fresh account to guess at, so tests do not share counters. */
async function victim() {
  return app.createUser({ email: `victim-${++n}@example.com`, role: 'viewer' })
}

/** POST /login as the sign-in form does, from client `ip` (as the proxy reports it). */
function login(baseUrl: string, email: string, password: string, forwardedFor?: string) {
  return fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: baseUrl,
      'content-type': 'application/x-www-form-urlencoded',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: new URLSearchParams({ email, password }),
  })
}

/** How many times the password of `email` was checked and found wrong. */
async function passwordChecks(email: string): Promise<number> {
  const rows = await app.prisma.auditLog.findMany({ where: { action: 'login_failed' }, select: { metadata: true } })
  return rows.filter(
    (r) =>
      (r.metadata as { email?: string; reason?: string }).email === email &&
      (r.metadata as { reason?: string }).reason === 'bad_password',
  ).length
}

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort()

describe('sign-in limits hold one after another', () => {
  it(`the ${PER_EMAIL_IP + 1}th failure is a 429 with Retry-After, and the right password while blocked is still refused`, async () => {
    const { email } = await victim()
    for (let i = 0; i < PER_EMAIL_IP; i++) expect((await login(server.url, email, WRONG, '10.1.0.1')).status).toBe(401)
    const limited = await login(server.url, email, WRONG, '10.1.0.1')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60)
    const right = await login(server.url, email, TEST_PASSWORD, '10.1.0.1')
    expect(right.status).toBe(429)
    expect(
      right.headers.getSetCookie().some((c) => c.startsWith('gatehouse_session=') && !c.includes('Max-Age=0')),
    ).toBe(false)
    expect(await passwordChecks(email)).toBe(PER_EMAIL_IP)
  })
})

describe('sign-in limits hold when attempts arrive at once', () => {
  it('a burst of 50 concurrent failures gets at most the limit of password checks', async () => {
    const { email } = await victim()
    const responses = await Promise.all(Array.from({ length: 50 }, () => login(server.url, email, WRONG, '10.2.0.1')))
    expect(statuses(responses)).toEqual([...Array(PER_EMAIL_IP).fill(401), ...Array(50 - PER_EMAIL_IP).fill(429)])
    expect(await passwordChecks(email)).toBe(PER_EMAIL_IP)
  })

  it('a batched /api/trpc request: over 10 calls is refused whole, 10 calls get at most the limit of checks', async () => {
    const { email } = await victim()
    const batch = (size: number) =>
      fetch(`${server.url}/api/trpc/${Array(size).fill('auth.login').join(',')}?batch=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.3.0.1' },
        body: JSON.stringify(
          Object.fromEntries(Array.from({ length: size }, (_, i) => [i, { json: { email, password: WRONG } }])),
        ),
      })
    const fifty = await batch(50)
    expect(fifty.status).toBe(400)
    expect(await passwordChecks(email)).toBe(0)

    const ten = await batch(10)
    const codes = ((await ten.json()) as Array<{ error?: { json: { data: { code: string } } } }>)
      .map((r) => r.error?.json.data.code)
      .sort()
    expect(codes).toEqual(
      [...Array(PER_EMAIL_IP).fill('UNAUTHORIZED'), ...Array(10 - PER_EMAIL_IP).fill('TOO_MANY_REQUESTS')].sort(),
    )
    expect(await passwordChecks(email)).toBe(PER_EMAIL_IP)
  })

  it('the wrong-current-password path of a password change is limited the same way', async () => {
    const { email } = await victim()
    const token = await httpSignIn(server.url, email)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${server.url}/settings/password`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            origin: server.url,
            cookie: `gatehouse_session=${token}`,
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': '10.4.0.1',
          },
          body: new URLSearchParams({
            currentPassword: WRONG,
            newPassword: 'quiet lantern harbour 42',
            confirmPassword: 'quiet lantern harbour 42',
          }),
        }),
      ),
    )
    expect(statuses(responses)).toEqual([...Array(PER_EMAIL_IP).fill(400), ...Array(20 - PER_EMAIL_IP).fill(429)])
    // Still the old password: nothing was changed by the refused attempts.
    expect(await httpSignIn(server.url, email)).toBeTruthy()
  })
})

describe('a guess spread over many IPs', () => {
  it('after the per-account limit the account answers 429 to new IPs, but not to an IP its owner signed in from', async () => {
    const { email } = await victim()
    // The owner signed in from their office before the attack.
    await login(server.url, email, TEST_PASSWORD, '192.0.2.10').then((r) => expect(r.status).toBe(302))
    for (let i = 0; i < PER_ACCOUNT; i++)
      expect((await login(server.url, email, WRONG, `198.51.100.${i + 1}`)).status).toBe(401)
    expect((await login(server.url, email, WRONG, '198.51.100.200')).status).toBe(429)
    expect((await login(server.url, email, TEST_PASSWORD, '198.51.100.201')).status).toBe(429)
    expect(await passwordChecks(email)).toBe(PER_ACCOUNT)
    // The owner, from the known IP, still gets in.
    expect((await login(server.url, email, TEST_PASSWORD, '192.0.2.10')).status).toBe(302)
  })
})

describe('forwarded headers', () => {
  it('with one trusted proxy, what the client puts in X-Forwarded-For does not change its key', async () => {
    const { email } = await victim()
    // The proxy appends the address it saw (10.5.0.1); the client controls only what comes before.
    for (let i = 0; i < PER_EMAIL_IP; i++)
      expect((await login(server.url, email, WRONG, `203.0.113.${i}, 10.5.0.1`)).status).toBe(401)
    expect((await login(server.url, email, WRONG, '203.0.113.99, 10.5.0.1')).status).toBe(429)
  })

  it('with no trusted proxy (the default), X-Forwarded-For is ignored', async () => {
    const direct = await startServer(app.services)
    try {
      const { email } = await victim()
      for (let i = 0; i < PER_EMAIL_IP; i++)
        expect((await login(direct.url, email, WRONG, `203.0.113.${i}`)).status).toBe(401)
      expect((await login(direct.url, email, WRONG, '203.0.113.77')).status).toBe(429)
    } finally {
      await direct.close()
    }
  })
})

describe('two instances on one PostgreSQL server', () => {
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'share the counters: failures on either count against the same limit',
    async () => {
      expect(app.services.limits.store).toBe('postgres')
      const database = await openDatabase({ databaseUrl: app.databaseUrl! })
      const second: Services = await createServices({
        database,
        databaseUrl: app.databaseUrl,
        config: {
          secureCookies: false,
          rateLimits: { ...GENEROUS_LIMITS, loginPerEmailIp: PER_EMAIL_IP, loginPerAccountHour: PER_ACCOUNT },
        },
      })
      const other = await startServer(second, { trustProxy: 1 })
      try {
        expect(second.limits.store).toBe('postgres')
        const { email } = await victim()
        const servers = [server.url, other.url]
        for (let i = 0; i < PER_EMAIL_IP; i++)
          expect((await login(servers[i % 2]!, email, WRONG, '10.6.0.1')).status).toBe(401)
        expect((await login(server.url, email, WRONG, '10.6.0.1')).status).toBe(429)
        expect((await login(other.url, email, TEST_PASSWORD, '10.6.0.1')).status).toBe(429)
        // A burst split over both instances still gets at most the limit of checks.
        const { email: burstEmail } = await victim()
        const burst = await Promise.all(
          Array.from({ length: 30 }, (_, i) => login(servers[i % 2]!, burstEmail, WRONG, '10.6.0.2')),
        )
        expect(burst.filter((r) => r.status === 401)).toHaveLength(PER_EMAIL_IP)
        expect(await passwordChecks(burstEmail)).toBe(PER_EMAIL_IP)
      } finally {
        await other.close()
        await second.limits.close()
        await database.close()
      }
    },
  )
})
