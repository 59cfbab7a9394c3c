/**
 * Sign-in and sessions (product.md, Security baseline): success, wrong password and unknown email get the same message,
 * inactive users cannot sign in, cookie flags, the stored id is a hash of the token, sign-out and
 * deactivation end sessions, lifetimes, and the failed-login rate limit.
 */
import { createHash } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword, needsRehash } from '#server/auth/password.server.ts'
import { createCaller } from '#server/routers/_app.ts'
import { INVALID_CREDENTIALS } from '#server/routers/auth.ts'
import { DEMO, setupTestApp, TEST_PASSWORD, type TestApp } from '#test/helpers/app.ts'

let app: TestApp
beforeAll(async () => {
  app = await setupTestApp({ rateLimits: { loginPerEmailIp: 3, loginPerIpDay: 50, requestsPerMinute: 100_000 } })
})
afterAll(() => app?.close())

async function login(email: string, password: string, ip = '10.0.0.1') {
  const ctx = await app.ctxWithToken(null, ip)
  const result = await createCaller(ctx)
    .auth.login({ email, password })
    .then(
      (r) => ({ ok: true as const, r }),
      (e: TRPCError) => ({ ok: false as const, e }),
    )
  return { ctx, result, cookie: ctx.responseHeaders.getSetCookie()[0] ?? null }
}

const tokenOf = (cookie: string) => cookie.split(';')[0]!.split('=')[1]!

describe('sign-in', () => {
  it('signs in with the right password and sets a session cookie with the product.md, Security baseline flags', async () => {
    const { result, cookie } = await login(DEMO.manager, TEST_PASSWORD)
    expect(result.ok).toBe(true)
    expect(cookie).toMatch(/^gatehouse_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).not.toMatch(/Secure/) // tests run with secureCookies off (development)
    const ctx = await app.ctxWithToken(tokenOf(cookie!))
    expect(ctx.user?.email).toBe(DEMO.manager)
  })

  it('accepts the email in any case', async () => {
    const { result } = await login('Manager@GATEHOUSE.test', TEST_PASSWORD)
    expect(result.ok).toBe(true)
  })

  it('marks the cookie Secure when secure cookies are on (production)', async () => {
    const secureApp = await setupTestApp({ config: { secureCookies: true } })
    try {
      const ctx = await secureApp.ctxWithToken(null)
      await createCaller(ctx).auth.login({ email: DEMO.agent, password: TEST_PASSWORD })
      expect(ctx.responseHeaders.getSetCookie()[0]).toMatch(/; Secure/)
    } finally {
      await secureApp.close()
    }
  })

  it('gives wrong password, unknown email and inactive user the same UNAUTHORIZED message, and audits login_failed', async () => {
    const inactive = await app.createUser({ email: 'gone@example.com', role: 'agent', active: false })
    const before = await app.prisma.auditLog.count({ where: { action: 'login_failed' } })
    const attempts = [
      await login(DEMO.viewer, 'wrong-password-123', '10.0.1.1'),
      await login('nobody@example.com', TEST_PASSWORD, '10.0.1.2'),
      await login(inactive.email, TEST_PASSWORD, '10.0.1.3'),
    ]
    for (const { result, cookie } of attempts) {
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(result.e.code).toBe('UNAUTHORIZED')
      expect(result.e.message).toBe(INVALID_CREDENTIALS)
      expect(cookie).toBeNull()
    }
    const failures = await app.prisma.auditLog.findMany({
      where: { action: 'login_failed' },
      orderBy: { timestamp: 'asc' },
    })
    expect(failures.length - before).toBe(3)
    expect(failures.slice(-3).map((f) => (f.metadata as { reason: string }).reason)).toEqual([
      'bad_password',
      'unknown_email',
      'inactive',
    ])
    expect(failures.every((f) => f.actorId === null)).toBe(true)
    expect(JSON.stringify(failures)).not.toContain('wrong-password-123')
  })

  it('stores the SHA-256 of the token as the session id, never the token', async () => {
    const { cookie } = await login(DEMO.agent, TEST_PASSWORD)
    const token = tokenOf(cookie!)
    const hash = createHash('sha256').update(token).digest('hex')
    expect(await app.prisma.session.count({ where: { id: hash } })).toBe(1)
    expect(await app.prisma.session.count({ where: { id: token } })).toBe(0)
    const rows = await app.prisma.session.findMany()
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true)
  })

  it('starts a fresh session on every sign-in and ends the one the browser had', async () => {
    const first = await login(DEMO.viewer, TEST_PASSWORD)
    const oldToken = tokenOf(first.cookie!)
    const ctx = await app.ctxWithToken(oldToken)
    await createCaller(ctx).auth.login({ email: DEMO.viewer, password: TEST_PASSWORD })
    const newToken = tokenOf(ctx.responseHeaders.getSetCookie()[0]!)
    expect(newToken).not.toBe(oldToken)
    expect((await app.ctxWithToken(oldToken)).user).toBeNull()
    expect((await app.ctxWithToken(newToken)).user?.email).toBe(DEMO.viewer)
  })

  it('hashes passwords with argon2id', async () => {
    const user = await app.prisma.user.findUniqueOrThrow({ where: { email: DEMO.admin } })
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    expect(await hashPassword('x'.repeat(12))).toMatch(/^\$argon2id\$/)
  })
})

describe('sign-out and session lifetime', () => {
  it('sign-out deletes the session, clears the cookie and audits logout', async () => {
    const token = await app.sessionToken(DEMO.agent)
    const ctx = await app.ctxWithToken(token)
    await createCaller(ctx).auth.logout()
    expect(ctx.responseHeaders.getSetCookie()[0]).toMatch(/gatehouse_session=;.*Max-Age=0/)
    expect((await app.ctxWithToken(token)).user).toBeNull()
    const entry = await app.prisma.auditLog.findFirst({ where: { action: 'logout', actorId: app.ids.agent } })
    expect(entry).not.toBeNull()
  })

  it('deactivating a user ends their sessions at once', async () => {
    const target = await app.createUser({ email: 'leaving@example.com', role: 'agent' })
    const token = await app.sessionToken(target.email)
    expect((await app.ctxWithToken(token)).user?.id).toBe(target.id)
    await (await app.callerFor(DEMO.admin)).users.setActive({ id: target.id, active: false })
    expect((await app.ctxWithToken(token)).user).toBeNull()
    expect(await app.prisma.session.count({ where: { userId: target.id } })).toBe(0)
  })

  it('an idle-expired session is rejected', async () => {
    const token = await app.sessionToken(DEMO.viewer)
    const id = createHash('sha256').update(token).digest('hex')
    await app.prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect((await app.ctxWithToken(token)).user).toBeNull()
  })

  it('a session older than the absolute lifetime is rejected even if recently used', async () => {
    const token = await app.sessionToken(DEMO.viewer)
    const id = createHash('sha256').update(token).digest('hex')
    const hours = app.services.config.absoluteHours
    await app.prisma.session.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - (hours + 1) * 3600_000) },
    })
    expect((await app.ctxWithToken(token)).user).toBeNull()
    expect(await app.prisma.session.count({ where: { id } })).toBe(0)
  })

  it('the hourly sweep deletes expired sessions and keeps live ones', async () => {
    const [live, stale] = [await app.sessionToken(DEMO.viewer), await app.sessionToken(DEMO.viewer)]
    const [liveId, staleId] = [live, stale].map((t) => createHash('sha256').update(t).digest('hex'))
    await app.prisma.session.update({ where: { id: staleId }, data: { expiresAt: new Date(Date.now() - 1000) } })
    await app.services.auth.deleteExpiredSessions()
    expect(await app.prisma.session.count({ where: { id: staleId } })).toBe(0)
    expect(await app.prisma.session.count({ where: { id: liveId } })).toBe(1)
  })

  it('a forged or malformed cookie is treated as signed out', async () => {
    expect((await app.ctxWithToken('A'.repeat(43))).user).toBeNull()
    expect((await app.ctxWithToken('not a token')).user).toBeNull()
  })
})

describe('failed sign-in rate limit', () => {
  it('answers TOO_MANY_REQUESTS with Retry-After after 3 failures for the same email and IP', async () => {
    for (let i = 0; i < 3; i++) {
      const { result } = await login(DEMO.admin, 'bad-password-xyz', '10.9.9.9')
      expect(!result.ok && result.e.code).toBe('UNAUTHORIZED')
    }
    const { result, ctx } = await login(DEMO.admin, TEST_PASSWORD, '10.9.9.9')
    expect(!result.ok && result.e.code).toBe('TOO_MANY_REQUESTS')
    expect(Number(ctx.responseHeaders.get('Retry-After'))).toBeGreaterThan(0)
    // Another IP is not affected.
    expect((await login(DEMO.admin, TEST_PASSWORD, '10.9.9.10')).result.ok).toBe(true)
  })
})

describe('passwords (product.md, Security baseline: passwords)', () => {
  it('a hash made with weaker argon2 parameters is replaced on the next successful sign-in', async () => {
    const { hash } = await import('@node-rs/argon2')
    const user = await app.createUser({ email: 'old-hash@example.com', role: 'viewer' })
    const weak = await hash(TEST_PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 })
    await app.prisma.user.update({ where: { id: user.id }, data: { passwordHash: weak } })
    expect(needsRehash(weak)).toBe(true)

    expect((await login(user.email, TEST_PASSWORD, '10.0.7.1')).result.ok).toBe(true)
    const stored = (await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash
    expect(stored).not.toBe(weak)
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(needsRehash(stored)).toBe(false)
    const entry = await app.prisma.auditLog.findFirstOrThrow({ where: { action: 'login', targetUserId: user.id } })
    expect(entry.metadata).toMatchObject({ passwordRehashed: true })
    // The same password still works, now against the new hash.
    expect((await login(user.email, TEST_PASSWORD, '10.0.7.1')).result.ok).toBe(true)
  })

  it('a new password that zxcvbn rates under 3 is refused with its feedback, and the old one still works', async () => {
    const token = await app.sessionToken(DEMO.agent)
    const caller = createCaller(await app.ctxWithToken(token))
    const e = await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'qwertyuiop123' }).then(
      () => null,
      (err: TRPCError) => err,
    )
    expect(e?.code).toBe('BAD_REQUEST')
    expect(e?.message).toMatch(/too easy to guess/)
    const rating = await caller.auth.passwordStrength({ password: 'qwertyuiop123' })
    expect(rating.acceptable).toBe(false)
    expect(rating.feedback.length).toBeGreaterThan(0)
    expect((await caller.auth.passwordStrength({ password: 'quiet lantern harbour 42' })).acceptable).toBe(true)
    expect((await login(DEMO.agent, TEST_PASSWORD, '10.0.7.2')).result.ok).toBe(true)
  })
})
