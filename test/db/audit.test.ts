/**
 * product.md, Audit log: every mutation writes exactly one audit row, in the same transaction, with before/after
 * in metadata and no secrets; a mutation that fails part-way writes neither the change nor the row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { DEMO, setupTestApp, TEST_PASSWORD, type TestApp } from '#test/helpers/app.ts'

let app: TestApp
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
})
afterAll(() => app?.close())

/** Runs `fn` and returns the audit rows it added. */
async function auditOf(fn: () => Promise<unknown>) {
  const before = new Date(Date.now() - 1)
  const ids = new Set((await app.prisma.auditLog.findMany({ select: { id: true } })).map((r) => r.id))
  await fn()
  const rows = await app.prisma.auditLog.findMany({
    where: { timestamp: { gte: before } },
    orderBy: { timestamp: 'asc' },
  })
  return rows.filter((r) => !ids.has(r.id))
}

describe('each mutation writes exactly one audit row', () => {
  it('users: create, update, role change, deactivate, activate, delete', async () => {
    const admin = await app.callerFor(DEMO.admin)
    let id = ''
    const created = await auditOf(async () => {
      id = (
        await admin.users.create({
          email: 'audited@example.com',
          fullName: 'Audited',
          role: 'viewer',
          password: 'super-secret-pass',
        })
      ).id
    })
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({ action: 'user_created', target: 'user', targetId: id, actorId: app.ids.admin })
    expect(created[0]!.metadata).toMatchObject({ after: { email: 'audited@example.com', role: 'viewer' } })
    expect(JSON.stringify(created[0])).not.toMatch(/super-secret-pass|argon2/)

    const updated = await auditOf(() =>
      admin.users.update({ id, fullName: 'Audited Renamed', password: 'another-secret-pass' }),
    )
    expect(updated).toHaveLength(1)
    expect(updated[0]).toMatchObject({
      action: 'user_updated',
      metadata: { before: { fullName: 'Audited' }, after: { fullName: 'Audited Renamed' }, passwordChanged: true },
    })
    expect(JSON.stringify(updated[0])).not.toMatch(/another-secret-pass|argon2/)

    const role = await auditOf(() => admin.users.update({ id, role: 'agent' }))
    expect(role.map((r) => [r.action, r.metadata])).toEqual([
      ['role_changed', { before: { role: 'viewer' }, after: { role: 'agent' }, passwordChanged: false }],
    ])

    const off = await auditOf(() => admin.users.setActive({ id, active: false }))
    expect(off.map((r) => [r.action, r.metadata])).toEqual([
      ['user_deactivated', { before: { active: true }, after: { active: false } }],
    ])
    const on = await auditOf(() => admin.users.setActive({ id, active: true }))
    expect(on.map((r) => r.action)).toEqual(['user_activated'])

    const deleted = await auditOf(() => admin.users.delete({ id }))
    expect(deleted.map((r) => r.action)).toEqual(['user_deleted'])
    expect(deleted[0]!.metadata).toMatchObject({ before: { email: 'audited@example.com' } })
  })

  it('a no-op change writes nothing', async () => {
    const admin = await app.callerFor(DEMO.admin)
    expect(await auditOf(() => admin.users.update({ id: app.ids.viewer, fullName: 'Vic Viewer' }))).toHaveLength(0)
    expect(
      await auditOf(() => admin.permissions.set({ userId: app.ids.viewer, page: 'calls', access: 'inherit' })),
    ).toHaveLength(0)
  })

  it('permissions: grant, deny and reset record page, states and effective access before/after', async () => {
    const admin = await app.callerFor(DEMO.admin)
    const granted = await auditOf(() =>
      admin.permissions.set({ userId: app.ids.viewer, page: 'calls', access: 'allow' }),
    )
    expect(granted.map((r) => [r.action, r.targetUserId, r.metadata])).toEqual([
      [
        'permission_granted',
        app.ids.viewer,
        { page: 'calls', before: { state: 'inherit', access: false }, after: { state: 'allow', access: true } },
      ],
    ])
    const denied = await auditOf(() => admin.permissions.set({ userId: app.ids.viewer, page: 'calls', access: 'deny' }))
    expect(denied.map((r) => [r.action, r.metadata])).toEqual([
      [
        'permission_denied',
        { page: 'calls', before: { state: 'allow', access: true }, after: { state: 'deny', access: false } },
      ],
    ])
    const reset = await auditOf(() =>
      admin.permissions.set({ userId: app.ids.viewer, page: 'calls', access: 'inherit' }),
    )
    expect(reset.map((r) => [r.action, r.metadata])).toEqual([
      [
        'permission_reset',
        { page: 'calls', before: { state: 'deny', access: false }, after: { state: 'inherit', access: false } },
      ],
    ])
  })

  it('sessions and sign-in: login, logout, session_revoked, logout_all', async () => {
    const loginCtx = await app.ctxWithToken(null)
    const login = await auditOf(() => createCaller(loginCtx).auth.login({ email: DEMO.agent, password: TEST_PASSWORD }))
    expect(login.map((r) => [r.action, r.actorId, r.target])).toEqual([['login', app.ids.agent, 'session']])
    expect(login[0]!.ipAddress).toBe('127.0.0.1')

    const other = await app.sessionToken(DEMO.agent)
    const otherId = (await app.ctxWithToken(other)).session!.id
    const agent = await app.callerFor(DEMO.agent)
    expect((await auditOf(() => agent.sessions.revoke({ id: otherId }))).map((r) => r.action)).toEqual([
      'session_revoked',
    ])
    await app.sessionToken(DEMO.agent)
    const all = await auditOf(() => agent.sessions.revokeOthers())
    expect(all.map((r) => r.action)).toEqual(['logout_all'])
    expect((all[0]!.metadata as { revoked: number }).revoked).toBeGreaterThanOrEqual(1)

    const admin = await app.callerFor(DEMO.admin)
    expect(
      (await auditOf(() => admin.sessions.revokeAllForUser({ userId: app.ids.manager }))).map((r) => [
        r.action,
        r.targetUserId,
      ]),
    ).toEqual([['logout_all', app.ids.manager]])
    expect((await auditOf(() => agent.auth.logout())).map((r) => r.action)).toEqual(['logout'])
  })
})

describe('a mutation that fails part-way changes nothing', () => {
  it('when the audit insert fails, the user change is rolled back too', async () => {
    await app.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger AS $$
      BEGIN
        IF NEW.action IN ('user_updated', 'permission_granted', 'user_deleted') THEN RAISE EXCEPTION 'audit store unavailable'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`)
    await app.prisma.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`,
    )
    try {
      const admin = await app.callerFor(DEMO.admin)
      const auditCount = await app.prisma.auditLog.count()
      await expect(admin.users.update({ id: app.ids.agent, fullName: 'Should Not Stick' })).rejects.toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
      })
      expect((await app.prisma.user.findUniqueOrThrow({ where: { id: app.ids.agent } })).fullName).not.toBe(
        'Should Not Stick',
      )

      await expect(
        admin.permissions.set({ userId: app.ids.agent, page: 'candidates', access: 'allow' }),
      ).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' })
      expect(await app.prisma.userPageAccess.count({ where: { userId: app.ids.agent } })).toBe(0)

      const victim = await app.createUser({ email: 'not-deleted@example.com', role: 'viewer' })
      await expect(admin.users.delete({ id: victim.id })).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' })
      expect(await app.prisma.user.count({ where: { id: victim.id } })).toBe(1)

      expect(await app.prisma.auditLog.count()).toBe(auditCount)
    } finally {
      await app.prisma.$executeRawUnsafe('DROP TRIGGER test_fail_audit ON audit_logs')
    }
  })

  it('when the change itself fails (unique email), no audit row is written', async () => {
    const admin = await app.callerFor(DEMO.admin)
    const rows = await auditOf(() => admin.users.update({ id: app.ids.agent, email: DEMO.viewer }).catch(() => null))
    expect(rows).toHaveLength(0)
  })
})

describe('audit visibility (product.md, Audit log)', () => {
  it('admins see everything; others see entries about pages they can open and their own actions', async () => {
    const admin = await app.callerFor(DEMO.admin)
    await admin.permissions.set({ userId: app.ids.agent, page: 'calls', access: 'deny' })
    await admin.permissions.set({ userId: app.ids.agent, page: 'calls', access: 'inherit' })
    const all = await admin.audit.list({ limit: 100 })
    expect(all.items.some((r) => r.target === 'permission')).toBe(true)

    // The viewer's own action is visible to them; permission entries (user_management) are not.
    const viewer = await app.callerFor(DEMO.viewer)
    await viewer.sessions.revokeOthers()
    const seen = await viewer.audit.list({ limit: 100 })
    expect(seen.items.some((r) => r.action === 'logout_all' && r.actorId === app.ids.viewer)).toBe(true)
    expect(seen.items.every((r) => r.actorId === app.ids.viewer)).toBe(true)

    // Allowed user_management, a manager sees permission entries made by others.
    await app.prisma.userPageAccess.create({
      data: { userId: app.ids.manager, pageName: 'user_management', hasAccess: true },
    })
    try {
      const manager = await app.callerFor(DEMO.manager)
      const managerSees = await manager.audit.list({ target: 'permission', limit: 100 })
      expect(managerSees.items.length).toBeGreaterThan(0)
      expect(managerSees.items.every((r) => r.actorId === app.ids.admin)).toBe(true)
    } finally {
      await app.prisma.userPageAccess.deleteMany({ where: { userId: app.ids.manager } })
    }
  })

  it('pages through entries with a keyset cursor, newest first, without repeats', async () => {
    const admin = await app.callerFor(DEMO.admin)
    const seen: string[] = []
    let cursor: string | undefined
    for (let i = 0; i < 50; i++) {
      const page = await admin.audit.list({ limit: 3, cursor })
      seen.push(...page.items.map((r) => r.id))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    const total = await app.prisma.auditLog.count()
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size).toBe(total)
  })
})
