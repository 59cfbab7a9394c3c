/**
 * Guards of product.md, Permissions: the last active admin cannot be demoted, deactivated, deleted or denied
 * user_management; an admin cannot deny their own user_management; non-admins never edit overrides
 * or roles and manage only users below their own role.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { createCaller } from '#server/routers/_app.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'

type Caller = ReturnType<typeof createCaller>

let app: TestApp
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
})
afterAll(() => app?.close())

async function failure(promise: Promise<unknown>) {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(TRPCError)
  return e as TRPCError
}

describe('last active admin', () => {
  beforeEach(async () => {
    // Only admin@ is an admin, with no overrides, at the start of each test.
    await app.prisma.user.updateMany({ where: { role: 'admin', email: { not: DEMO.admin } }, data: { role: 'viewer' } })
    await app.prisma.user.update({ where: { id: app.ids.admin }, data: { role: 'admin', active: true } })
    await app.prisma.userPageAccess.deleteMany()
  })

  const activeAdmins = () => app.prisma.user.count({ where: { role: 'admin', active: true } })

  it('the last admin cannot demote themselves (nobody changes their own role); nothing changes and nothing is audited', async () => {
    const admin = await app.callerFor(DEMO.admin)
    const auditBefore = await app.prisma.auditLog.count()
    const e = await failure(admin.users.update({ id: app.ids.admin, role: 'manager' }))
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toBe('You cannot change your own role.')
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: app.ids.admin } })).role).toBe('admin')
    expect(await app.prisma.auditLog.count()).toBe(auditBefore)
  })

  it('with a second admin, each removal is allowed (the guard is about the last one only)', async () => {
    const admin = await app.callerFor(DEMO.admin)
    for (const remove of [
      (id: string) => admin.users.update({ id, role: 'agent' }),
      (id: string) => admin.users.setActive({ id, active: false }),
      (id: string) => admin.permissions.set({ userId: id, page: 'user_management', access: 'deny' }),
      (id: string) => admin.users.delete({ id }),
    ]) {
      const other = await app.createUser({ email: `second-${Date.now()}-${Math.random()}@example.com`, role: 'admin' })
      await expect(remove(other.id)).resolves.toBeDefined()
    }
  })

  it.each([
    ['demote', (c: Caller, id: string) => c.users.update({ id, role: 'viewer' })],
    ['deactivate', (c: Caller, id: string) => c.users.setActive({ id, active: false })],
    ['delete', (c: Caller, id: string) => c.users.delete({ id })],
    [
      'deny user_management to',
      (c: Caller, id: string) => c.permissions.set({ userId: id, page: 'user_management', access: 'deny' }),
    ],
  ] as const)('two admins who %s each other at the same time: exactly one succeeds', async (_verb, remove) => {
    // Two fresh admins are the only ones (admin@ is restored by beforeEach).
    await app.prisma.user.update({ where: { id: app.ids.admin }, data: { role: 'viewer' } })
    const a = await app.createUser({ email: `race-a-${Date.now()}@example.com`, role: 'admin' })
    const b = await app.createUser({ email: `race-b-${Date.now()}@example.com`, role: 'admin' })
    const [callerA, callerB] = [await app.callerFor(a.email), await app.callerFor(b.email)]
    const results = await Promise.allSettled([remove(callerA, b.id), remove(callerB, a.id)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/last active admin/) })
    const effective = await app.prisma.user.count({
      where: { role: 'admin', active: true, pageAccess: { none: { pageName: 'user_management', hasAccess: false } } },
    })
    expect(effective).toBe(1)
    expect(await activeAdmins()).toBeGreaterThanOrEqual(1)
  })

  it('nobody can deactivate or delete themselves', async () => {
    const admin = await app.callerFor(DEMO.admin)
    expect(await failure(admin.users.setActive({ id: app.ids.admin, active: false }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You cannot deactivate your own account.',
    })
    expect(await failure(admin.users.delete({ id: app.ids.admin }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You cannot delete your own account.',
    })
    expect(await activeAdmins()).toBe(1)
  })
})

describe('self-lockout', () => {
  it('an admin cannot deny their own user_management, even with other admins around', async () => {
    await app.createUser({ email: `other-admin-${Date.now()}@example.com`, role: 'admin' })
    const admin = await app.callerFor(DEMO.admin)
    const e = await failure(admin.permissions.set({ userId: app.ids.admin, page: 'user_management', access: 'deny' }))
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/your own user management/)
    expect(await app.prisma.userPageAccess.count({ where: { userId: app.ids.admin } })).toBe(0)
  })
})

describe('non-admins with user_management', () => {
  beforeAll(async () => {
    await app.prisma.userPageAccess.createMany({
      data: [
        { userId: app.ids.manager, pageName: 'user_management', hasAccess: true },
        { userId: app.ids.agent, pageName: 'user_management', hasAccess: true },
      ],
      skipDuplicates: true,
    })
  })

  it('never edit overrides', async () => {
    const manager = await app.callerFor(DEMO.manager)
    expect(
      (await failure(manager.permissions.set({ userId: app.ids.viewer, page: 'calls', access: 'allow' }))).code,
    ).toBe('FORBIDDEN')
    expect(await app.prisma.userPageAccess.count({ where: { userId: app.ids.viewer } })).toBe(0)
  })

  it('never change roles, even of users below them', async () => {
    const manager = await app.callerFor(DEMO.manager)
    const e = await failure(manager.users.update({ id: app.ids.viewer, role: 'agent' }))
    expect(e.code).toBe('FORBIDDEN')
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: app.ids.viewer } })).role).toBe('viewer')
  })

  it('list everyone but edit, deactivate and delete only users whose role is below their own', async () => {
    const manager = await app.callerFor(DEMO.manager)
    expect((await manager.users.list({ pageSize: 100 })).items.map((u) => u.email)).toContain(DEMO.admin)
    await manager.users.update({ id: app.ids.agent, fullName: 'Alex Agent (edited)' })
    expect((await failure(manager.users.update({ id: app.ids.admin, fullName: 'Hacked' }))).code).toBe('FORBIDDEN')
    const peer = await app.createUser({ email: `peer-${Date.now()}@example.com`, role: 'manager' })
    expect((await failure(manager.users.setActive({ id: peer.id, active: false }))).code).toBe('FORBIDDEN')
    expect((await failure(manager.users.delete({ id: peer.id }))).code).toBe('FORBIDDEN')
    const junior = await app.createUser({ email: `junior-${Date.now()}@example.com`, role: 'viewer' })
    await manager.users.delete({ id: junior.id })
    expect(await app.prisma.user.count({ where: { id: junior.id } })).toBe(0)
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: app.ids.admin } })).fullName).not.toBe('Hacked')
  })

  it('assign only roles below their own when creating users', async () => {
    const manager = await app.callerFor(DEMO.manager)
    await manager.users.create({
      email: `made-by-manager-${Date.now()}@example.com`,
      fullName: 'Made',
      role: 'agent',
      password: 'long-enough-pass',
    })
    const e = await failure(
      manager.users.create({
        email: `peer2-${Date.now()}@example.com`,
        fullName: 'Peer',
        role: 'manager',
        password: 'long-enough-pass',
      }),
    )
    expect(e.code).toBe('FORBIDDEN')
    const agent = await app.callerFor(DEMO.agent)
    await agent.users.create({
      email: `made-by-agent-${Date.now()}@example.com`,
      fullName: 'Made',
      role: 'viewer',
      password: 'long-enough-pass',
    })
    expect(
      (
        await failure(
          agent.users.create({
            email: `x-${Date.now()}@example.com`,
            fullName: 'X',
            role: 'agent',
            password: 'long-enough-pass',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN')
    // Agents have no delete action at all (product.md, Permissions).
    const victim = await app.createUser({ email: `victim-${Date.now()}@example.com`, role: 'viewer' })
    expect((await failure(agent.users.delete({ id: victim.id }))).code).toBe('FORBIDDEN')
  })
})
