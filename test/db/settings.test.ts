/**
 * One's own account (product.md, Settings): the profile (a new email needs the current password and
 * must be free), the password (every rule; other sessions end on their next request, this one
 * survives with a new id; the old password stops working; a wrong current password counts against the
 * sign-in rate limit), and no password or hash anywhere in the audit log.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE_NAME } from '#server/auth/session.server.ts'
import { createCaller } from '#server/routers/_app.ts'
import { setupTestApp, TEST_PASSWORD, type TestApp } from '#test/helpers/app.ts'

const LIMIT = 4
let app: TestApp
beforeAll(async () => {
  app = await setupTestApp({ rateLimits: { loginPerEmailIp: LIMIT, loginPerIpDay: 1000, requestsPerMinute: 100_000 } })
})
afterAll(() => app?.close())

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  )
const fieldsOf = async (e: TRPCError | null) => (await import('#server/errors.server.ts')).fieldErrorsFrom(e?.cause)
const NEW_PASSWORD = 'a fresh and long passphrase'
let n = 0

/** A user of their own, with `sessions` signed-in sessions (tokens). */
async function person(sessions = 1) {
  const user = await app.createUser({
    email: `settings-${++n}@example.com`,
    fullName: `Settings Person ${n}`,
    role: 'agent',
  })
  const tokens = await Promise.all(Array.from({ length: sessions }, () => app.sessionToken(user.email)))
  return { user, tokens, caller: createCaller(await app.ctxWithToken(tokens[0]!, `10.1.0.${n}`)) }
}

describe('profile', () => {
  it('changes the name without a password and audits profile_updated with before/after', async () => {
    const { user, caller } = await person()
    await caller.auth.updateProfile({ fullName: 'Renamed Person', email: user.email })
    const row = await app.prisma.auditLog.findFirstOrThrow({
      where: { targetUserId: user.id, action: 'profile_updated' },
    })
    expect(row.metadata).toEqual({
      before: { fullName: `Settings Person ${n}` },
      after: { fullName: 'Renamed Person' },
    })
    expect(row.actorId).toBe(user.id)
  })

  it('a new email needs the current password, and it must be right', async () => {
    const { user, caller } = await person()
    const missing = await failure(caller.auth.updateProfile({ fullName: 'P', email: 'moved@example.com' }))
    expect(missing?.code).toBe('BAD_REQUEST')
    expect(await fieldsOf(missing)).toEqual({ currentPassword: ['Enter your current password to change your email.'] })
    const wrong = await failure(
      caller.auth.updateProfile({ fullName: 'P', email: 'moved@example.com', currentPassword: 'not my password' }),
    )
    expect(await fieldsOf(wrong)).toEqual({ currentPassword: ['That is not your current password.'] })
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email)
    await caller.auth.updateProfile({ fullName: 'P', email: 'Moved@Example.com', currentPassword: TEST_PASSWORD })
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe('moved@example.com')
  })

  it('refuses an email another account uses, in any case: CONFLICT on email', async () => {
    const { caller } = await person()
    const taken = await failure(
      caller.auth.updateProfile({ fullName: 'P', email: 'ADMIN@gatehouse.test', currentPassword: TEST_PASSWORD }),
    )
    expect(taken?.code).toBe('CONFLICT')
    expect(await fieldsOf(taken)).toEqual({ email: ['Another account already uses this email.'] })
  })
})

describe('password', () => {
  it('refuses a wrong current password, a short one, the same one, the email and the name, with field messages', async () => {
    const { user, caller } = await person()
    const cases: Array<[{ currentPassword: string; newPassword: string }, string]> = [
      [{ currentPassword: 'not my password', newPassword: NEW_PASSWORD }, 'currentPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: 'short' }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: user.email }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: `settings person ${n}`.toUpperCase() }, 'newPassword'],
    ]
    for (const [input, field] of cases) {
      const e = await failure(caller.auth.changePassword(input))
      expect(e?.code, JSON.stringify(input)).toBe('BAD_REQUEST')
      expect(Object.keys((await fieldsOf(e)) ?? {}), JSON.stringify(input)).toEqual([field])
    }
    expect(await app.prisma.auditLog.count({ where: { targetUserId: user.id, action: 'password_changed' } })).toBe(0)
  })

  it('ends every other session on its next request, keeps this one under a new id, and the old password stops working', async () => {
    const { user, tokens } = await person(3)
    const ctx = await app.ctxWithToken(tokens[0]!)
    const oldSessionId = ctx.session!.id
    const result = await createCaller(ctx).auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect(result.otherSessionsEnded).toBe(2)
    // The other browsers are signed out on their next request.
    for (const token of tokens.slice(1)) expect((await app.ctxWithToken(token)).user).toBeNull()
    // This browser got a new cookie for a new session; the old id is gone.
    const cookie = ctx.responseHeaders.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))!
    const newToken = cookie.split(';')[0]!.split('=')[1]!
    expect((await app.ctxWithToken(tokens[0]!)).user).toBeNull()
    const next = await app.ctxWithToken(newToken)
    expect(next.user?.id).toBe(user.id)
    expect(next.session!.id).not.toBe(oldSessionId)
    // Sign-in: the old password fails, the new one works.
    const login = async (password: string) =>
      createCaller(await app.ctxWithToken(null, '10.9.9.9'))
        .auth.login({ email: user.email, password })
        .then(
          () => 'ok',
          (e: TRPCError) => e.code,
        )
    expect(await login(TEST_PASSWORD)).toBe('UNAUTHORIZED')
    expect(await login(NEW_PASSWORD)).toBe('ok')
    const row = await app.prisma.auditLog.findFirstOrThrow({
      where: { targetUserId: user.id, action: 'password_changed' },
    })
    expect(row.metadata).toMatchObject({ otherSessionsEnded: 2 })
  })

  it('a wrong current password counts against the sign-in limit for the account: guessing here is no cheaper than at /login', async () => {
    const { user, tokens } = await person()
    const caller = createCaller(await app.ctxWithToken(tokens[0]!, '10.7.7.7'))
    for (let i = 0; i < LIMIT; i++) {
      expect(
        (await failure(caller.auth.changePassword({ currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD })))
          ?.code,
      ).toBe('BAD_REQUEST')
    }
    const limited = await failure(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
    )
    expect(limited?.code).toBe('TOO_MANY_REQUESTS')
    // The same budget: signing in from the same IP is refused too.
    const login = await failure(
      createCaller(await app.ctxWithToken(null, '10.7.7.7')).auth.login({ email: user.email, password: TEST_PASSWORD }),
    )
    expect(login?.code).toBe('TOO_MANY_REQUESTS')
    expect(await app.prisma.auditLog.count({ where: { targetUserId: user.id, action: 'password_changed' } })).toBe(0)
  })

  it('no password or hash appears in any audit row', async () => {
    const hashes = (await app.prisma.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash)
    const rows = await app.prisma.auditLog.findMany()
    expect(rows.length).toBeGreaterThan(0)
    const text = JSON.stringify(rows)
    for (const secret of [TEST_PASSWORD, NEW_PASSWORD, 'not my password', ...hashes]) expect(text).not.toContain(secret)
    expect(text).not.toMatch(/\$argon2/)
  })
})
