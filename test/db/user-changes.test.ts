/**
 * Changes to one user made by two people at once (product.md, Audit log: before/after; Permissions:
 * last active admin): each change reads the user under its row lock, so the history stays a chain
 * and a second identical change is a no-op; mixed removals of the last two admins leave one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createCaller } from '#server/routers/_app.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'

type Caller = ReturnType<typeof createCaller>

let app: TestApp
let admin: Caller
let otherAdmin: Caller
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  admin = await app.callerFor(DEMO.admin)
  const second = await app.createUser({ email: 'second-admin@example.com', role: 'admin' })
  otherAdmin = await app.callerFor(second.email)
})
afterAll(() => app?.close())

const entriesAbout = (id: string, action: string) =>
  app.prisma.auditLog
    .findMany({ where: { targetId: id, action: action as never }, select: { metadata: true } })
    .then((rows) => rows.map((r) => r.metadata as { before: Record<string, unknown>; after: Record<string, unknown> }))

describe('two people changing one user at once', () => {
  it("both renames are in the history, the second starting from the first one's result", async () => {
    const user = await app.createUser({ email: 'renamed@example.com', fullName: 'Ann Original', role: 'viewer' })
    await Promise.all([
      admin.users.update({ id: user.id, fullName: 'Bea Second' }),
      otherAdmin.users.update({ id: user.id, fullName: 'Cid Third' }),
    ])
    const saved = await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    const entries = await entriesAbout(user.id, 'user_updated')
    expect(entries).toHaveLength(2)
    const first = entries.find((e) => e.before.fullName === 'Ann Original')!
    const second = entries.find((e) => e !== first)!
    expect(first).toBeDefined()
    expect(second.before.fullName).toBe(first.after.fullName)
    expect(second.after.fullName).toBe(saved.fullName)
  })

  it('a user deactivated by two people at once is deactivated once: one entry in the log', async () => {
    const user = await app.createUser({ email: 'deactivated@example.com', role: 'agent' })
    const results = await Promise.all([
      admin.users.setActive({ id: user.id, active: false }),
      otherAdmin.users.setActive({ id: user.id, active: false }),
    ])
    expect(results.map((u) => u.active)).toEqual([false, false])
    expect(await entriesAbout(user.id, 'user_deactivated')).toEqual([
      { before: { active: true }, after: { active: false } },
    ])
  })

  it('an edit racing a deletion either edits first and is deleted after, or finds the user gone', async () => {
    const user = await app.createUser({ email: 'edit-or-gone@example.com', role: 'agent' })
    const [edit, removal] = await Promise.allSettled([
      admin.users.update({ id: user.id, fullName: 'Edited Name' }),
      otherAdmin.users.delete({ id: user.id }),
    ])
    expect(removal.status).toBe('fulfilled')
    if (edit.status === 'rejected')
      expect(edit.reason).toMatchObject({ code: 'NOT_FOUND', message: 'That user no longer exists.' })
    const deleted = await entriesAbout(user.id, 'user_deleted')
    expect(deleted).toHaveLength(1)
    expect(deleted[0]!.before.fullName).toBe(edit.status === 'fulfilled' ? 'Edited Name' : 'edit-or-gone')
  })
})

describe('the last two admins removing each other in different ways at once', () => {
  const removals = {
    demote: (c: Caller, id: string) => c.users.update({ id, role: 'manager' }),
    deactivate: (c: Caller, id: string) => c.users.setActive({ id, active: false }),
    delete: (c: Caller, id: string) => c.users.delete({ id }),
    deny: (c: Caller, id: string) => c.permissions.set({ userId: id, page: 'user_management', access: 'deny' }),
  }
  it.each([
    ['demote', 'deactivate'],
    ['deny', 'demote'],
    ['delete', 'deny'],
    ['deactivate', 'delete'],
  ] as const)('one does %s, the other %s: exactly one succeeds and one admin is left', async (first, second) => {
    // Only two fresh admins are left.
    await app.prisma.user.updateMany({ where: { role: 'admin' }, data: { role: 'viewer' } })
    const a = await app.createUser({ email: `${first}-${second}-a@example.com`, role: 'admin' })
    const b = await app.createUser({ email: `${first}-${second}-b@example.com`, role: 'admin' })
    const [callerA, callerB] = [await app.callerFor(a.email), await app.callerFor(b.email)]
    const results = await Promise.allSettled([removals[first](callerA, b.id), removals[second](callerB, a.id)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/last active admin/) })
    const admins = await app.prisma.user.count({
      where: { role: 'admin', active: true, pageAccess: { none: { pageName: 'user_management', hasAccess: false } } },
    })
    expect(admins).toBe(1)
  })
})
