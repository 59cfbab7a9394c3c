/**
 * Bad input on every procedure that takes input: BAD_REQUEST with field messages and no change
 * to the database (product.md, Errors).
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'

let app: TestApp
let admin: ReturnType<typeof createCaller>
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  admin = await app.callerFor(DEMO.admin)
})
afterAll(() => app?.close())

/** A fingerprint of everything a mutation could change. */
async function snapshot() {
  const [users, overrides, sessions] = await Promise.all([
    app.prisma.user.findMany({ orderBy: { id: 'asc' } }),
    app.prisma.userPageAccess.findMany({ orderBy: { id: 'asc' } }),
    app.prisma.session.count(),
  ])
  const audit = await app.prisma.auditLog.count({ where: { action: { not: 'login_failed' } } })
  return JSON.stringify({ users, overrides, sessions, audit })
}

type Case = [name: string, call: () => Promise<unknown>, fields: string[]]
const cases = (): Case[] => [
  ['auth.login: not an email', () => createCaller({ ...adminCtx, user: null, session: null }).auth.login({ email: 'nope', password: '' }), ['email', 'password']],
  ['users.list: page size over 100', () => admin.users.list({ pageSize: 500 }), ['pageSize']],
  ['users.list: unknown role and sort field', () => admin.users.list({ role: 'wizard' as never, sort: { field: 'passwordHash' as never, direction: 'asc' } }), ['role', 'sort']],
  ['users.list: page 0', () => admin.users.list({ page: 0 }), ['page']],
  ['users.byId: empty id', () => admin.users.byId({ id: '' }), ['id']],
  ['users.create: everything wrong', () => admin.users.create({ email: 'x@', fullName: ' ', role: 'boss' as never, password: 'short' }), ['email', 'fullName', 'role', 'password']],
  ['users.create: name too long', () => admin.users.create({ email: 'long@example.com', fullName: 'x'.repeat(101), role: 'viewer', password: 'long-enough-password' }), ['fullName']],
  ['users.update: bad email and short password', () => admin.users.update({ id: app.ids.viewer, email: 'bad', password: 'short' }), ['email', 'password']],
  ['users.setActive: not a boolean', () => admin.users.setActive({ id: app.ids.viewer, active: 'no' as never }), ['active']],
  ['users.delete: missing id', () => admin.users.delete({} as never), ['id']],
  ['permissions.matrix: page size over 100', () => admin.permissions.matrix({ pageSize: 1000 }), ['pageSize']],
  ['permissions.set: unknown page and state', () => admin.permissions.set({ userId: app.ids.viewer, page: 'billing' as never, access: 'maybe' as never }), ['page', 'access']],
  ['permissions.explain: missing user', () => admin.permissions.explain({} as never), ['userId']],
  ['sessions.revoke: missing id', () => admin.sessions.revoke({} as never), ['id']],
  ['sessions.forUser: missing user', () => admin.sessions.forUser({} as never), ['userId']],
  ['sessions.revokeAllForUser: missing user', () => admin.sessions.revokeAllForUser({} as never), ['userId']],
  ['audit.list: from after to, limit over 100', () => admin.audit.list({ from: new Date('2026-02-01'), to: new Date('2026-01-01'), limit: 1000 }), ['from', 'limit']],
  ['audit.list: unknown target', () => admin.audit.list({ target: 'galaxy' as never }), ['target']],
]
let adminCtx: Awaited<ReturnType<TestApp['ctxFor']>>

describe('bad input', () => {
  beforeAll(async () => {
    adminCtx = await app.ctxFor(DEMO.admin)
  })

  it('covers every procedure that takes input', async () => {
    const { appRouter } = await import('#server/routers/_app.ts')
    const procs = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>
    const withInput = Object.entries(procs).filter(([, p]) => p._def.inputs.length > 0).map(([path]) => path)
    const covered = new Set(cases().map(([name]) => name.split(':')[0]))
    expect(withInput.filter((p) => !covered.has(p))).toEqual([])
  })

  it.each(cases().map((c) => [c[0], c] as const))('%s -> BAD_REQUEST with field messages, nothing changes', async (_name, [, call, fields]) => {
    const before = await snapshot()
    const error = await call().then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('BAD_REQUEST')
    const shape = (await import('#server/errors.server.ts')).fieldErrorsFrom((error as TRPCError).cause)
    expect(Object.keys(shape ?? {}).sort()).toEqual([...fields].sort())
    for (const field of fields) expect(shape![field]![0]).toMatch(/\w/)
    expect(await snapshot()).toBe(before)
  })

  it('a duplicate email is a CONFLICT on the email field, whatever its case', async () => {
    const before = await snapshot()
    const e = await admin.users.create({ email: 'VIEWER@gatehouse.test', fullName: 'Dup', role: 'viewer', password: 'long-enough-password' }).catch((x: TRPCError) => x)
    expect((e as TRPCError).code).toBe('CONFLICT')
    const { fieldErrorsFrom } = await import('#server/errors.server.ts')
    expect(fieldErrorsFrom((e as TRPCError).cause)).toEqual({ email: ['A user with this email already exists.'] })
    expect(await snapshot()).toBe(before)

    const u = await admin.users.update({ id: app.ids.agent, email: 'Viewer@Gatehouse.test' }).catch((x: TRPCError) => x)
    expect((u as TRPCError).code).toBe('CONFLICT')
    expect(fieldErrorsFrom((u as TRPCError).cause)).toEqual({ email: ['A user with this email already exists.'] })
    expect(await snapshot()).toBe(before)
  })

  it('the database itself refuses a mixed-case email (CHECK constraint)', async () => {
    await expect(app.createUser({ email: 'Mixed@Example.com', role: 'viewer' })).rejects.toThrow()
  })
})
