/** product.md, Demo data: the seed creates one account per role plus demo data, and running it again changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { DEMO_ACCOUNTS, seedDemoData } from '#server/seed.server.ts'
import { createTestDatabase, type TestDatabase } from '#test/helpers/db.ts'
import { createServices, type Services } from '#server/services.server.ts'
import { createContext } from '#server/context.server.ts'

let db: TestDatabase
let services: Services
beforeAll(async () => {
  db = await createTestDatabase()
  services = await createServices({ database: db.database, databaseUrl: db.databaseUrl })
})
afterAll(async () => {
  await services?.limits.close()
  await db?.drop()
})

describe('seed', () => {
  it('creates the demo accounts, overrides and realistic data, and is idempotent', async () => {
    const first = await seedDemoData(services.prisma, { password: 'gatehouse-demo' })
    expect(first.users).toBeGreaterThanOrEqual(4)
    expect(first.candidates).toBeGreaterThanOrEqual(24)
    expect(first.calls).toBeGreaterThanOrEqual(200)
    expect(first.overrides).toBeGreaterThanOrEqual(2)
    const now = new Date()
    expect(await services.prisma.interview.count({ where: { scheduledAt: { lt: now } } })).toBeGreaterThan(0)
    expect(await services.prisma.interview.count({ where: { scheduledAt: { gt: now } } })).toBeGreaterThan(0)

    const snapshot = async () =>
      JSON.stringify(await Promise.all([services.prisma.user.count(), services.prisma.candidate.count(), services.prisma.interview.count(), services.prisma.call.count(), services.prisma.userPageAccess.count(), services.prisma.auditLog.count()]))
    const before = await snapshot()
    expect(await seedDemoData(services.prisma, { password: 'gatehouse-demo' })).toEqual({ users: 0, overrides: 0, candidates: 0, interviews: 0, calls: 0, activity: 0 })
    expect(await snapshot()).toBe(before)
  })

  it('the audit log tells what the team did, not only who signed in, all of it in the past', async () => {
    const actions = await services.prisma.auditLog.groupBy({ by: ['action'], _count: { _all: true } })
    const seen = new Map(actions.map((a) => [a.action, a._count._all]))
    for (const action of ['user_created', 'permission_granted', 'candidate_created', 'candidate_status_changed', 'interview_scheduled', 'interview_status_changed', 'interview_scored', 'call_logged']) {
      expect(seen.get(action) ?? 0, action).toBeGreaterThan(0)
    }
    expect(await services.prisma.auditLog.count({ where: { timestamp: { gt: new Date() } } })).toBe(0)
    // The newest eight (the dashboard's recent activity) are work, not sign-ins.
    const recent = await services.prisma.auditLog.findMany({ orderBy: [{ timestamp: 'desc' }, { id: 'desc' }], take: 8, select: { action: true } })
    expect(recent.filter((e) => e.action === 'login')).toEqual([])
    // Entries read like the ones the procedures write.
    const scored = await services.prisma.auditLog.findFirstOrThrow({ where: { action: 'interview_scored' } })
    expect(scored.metadata).toMatchObject({ after: { score: expect.any(Number) } })
    expect(scored.actorId).not.toBeNull()
  })

  it('every demo account signs in with the seed password and has its role', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const ctx = await createContext(services, { headers: new Headers(), ip: '127.0.0.1' })
      const { user } = await createCaller(ctx).auth.login({ email: account.email, password: 'gatehouse-demo' })
      expect(user.role).toBe(account.role)
    }
  })
})
