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
      JSON.stringify(
        await Promise.all([
          services.prisma.user.count(),
          services.prisma.candidate.count(),
          services.prisma.interview.count(),
          services.prisma.call.count(),
          services.prisma.userPageAccess.count(),
          services.prisma.auditLog.count(),
        ]),
      )
    const before = await snapshot()
    expect(await seedDemoData(services.prisma, { password: 'gatehouse-demo' })).toEqual({
      users: 0,
      overrides: 0,
      candidates: 0,
      interviews: 0,
      calls: 0,
      activity: 0,
    })
    expect(await snapshot()).toBe(before)
  })

  it('the audit log tells what the team did, not only who signed in, all of it in the past', async () => {
    const actions = await services.prisma.auditLog.groupBy({ by: ['action'], _count: { _all: true } })
    const seen = new Map(actions.map((a) => [a.action, a._count._all]))
    for (const action of [
      'user_created',
      'permission_granted',
      'candidate_created',
      'candidate_status_changed',
      'interview_scheduled',
      'interview_status_changed',
      'interview_scored',
      'call_logged',
    ]) {
      expect(seen.get(action) ?? 0, action).toBeGreaterThan(0)
    }
    expect(await services.prisma.auditLog.count({ where: { timestamp: { gt: new Date() } } })).toBe(0)
    // The newest eight (the dashboard's recent activity) are work, not sign-ins.
    const recent = await services.prisma.auditLog.findMany({
      orderBy: [{ timestamp: 'desc' }, { id: 'desc' }],
      take: 8,
      select: { action: true },
    })
    expect(recent.filter((e) => e.action === 'login')).toEqual([])
    // Entries read like the ones the procedures write.
    const scored = await services.prisma.auditLog.findFirstOrThrow({ where: { action: 'interview_scored' } })
    expect(scored.metadata).toMatchObject({ after: { score: expect.any(Number) } })
    expect(scored.actorId).not.toBeNull()
  })

  it('a fresh install has past, current and upcoming interviews for every /interviews preset, never double-booked', async () => {
    const now = Date.now()
    const rows = await services.prisma.interview.findMany({ include: { candidate: { select: { status: true } } } })
    const DAY = 86_400_000
    const today = Math.floor(now / DAY) * DAY // the presets' days in UTC, the time zone of a viewer not yet known
    const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY
    const within = (from: number, to: number) =>
      rows.filter((r) => r.scheduledAt.getTime() >= from && r.scheduledAt.getTime() < to)
    expect(within(today, today + DAY).length, 'today').toBeGreaterThan(0)
    expect(within(monday, monday + 7 * DAY).length, 'this week').toBeGreaterThan(0)
    expect(within(monday + 7 * DAY, monday + 14 * DAY).length, 'next week').toBeGreaterThan(0)
    expect(within(0, today).length, 'past').toBeGreaterThan(10)

    // The past: completed with scores and the scorer's comments, no-shows and cancelled ones; one running now.
    const past = rows.filter((r) => r.scheduledAt.getTime() < today)
    const completed = past.filter((r) => r.status === 'completed')
    expect(completed.length).toBeGreaterThan(0)
    for (const r of completed) expect(r.score !== null && r.scoreComment !== null, r.id).toBe(true)
    expect(past.some((r) => r.status === 'no_show')).toBe(true)
    expect(past.some((r) => r.status === 'cancelled')).toBe(true)
    expect(rows.filter((r) => r.status === 'in_progress')).toHaveLength(1)
    // The clock's rules hold in the demo data: nothing completed ahead of its start, nothing scheduled in the past.
    for (const r of rows) {
      if (r.status === 'completed' || r.status === 'no_show' || r.status === 'in_progress')
        expect(r.scheduledAt.getTime(), r.status).toBeLessThanOrEqual(now)
      if (r.status === 'scheduled') {
        expect(r.scheduledAt.getTime()).toBeGreaterThan(now)
        expect(['applied', 'screening', 'interviewed']).toContain(r.candidate.status)
      }
    }
    // Next week is busy for every interviewer (the outside one included).
    const nextWeek = within(monday + 7 * DAY, monday + 14 * DAY)
    expect(new Set(nextWeek.map((r) => r.interviewerName)).size).toBe(new Set(rows.map((r) => r.interviewerName)).size)

    // Nobody is in two overlapping interviews: no interviewer, no candidate.
    for (const key of ['interviewerName', 'candidateId'] as const) {
      const byKey = new Map<string, typeof rows>()
      for (const r of rows) byKey.set(r[key], [...(byKey.get(r[key]) ?? []), r])
      for (const [who, list] of byKey) {
        const sorted = list.sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())
        for (let i = 1; i < sorted.length; i++) {
          const previousEnd = sorted[i - 1]!.scheduledAt.getTime() + sorted[i - 1]!.durationMins * 60_000
          expect(sorted[i]!.scheduledAt.getTime(), `${key} ${who}`).toBeGreaterThanOrEqual(previousEnd)
        }
      }
    }
  })

  it('every demo account signs in with the seed password and has its role', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const ctx = await createContext(services, { headers: new Headers(), ip: '127.0.0.1' })
      const { user } = await createCaller(ctx).auth.login({ email: account.email, password: 'gatehouse-demo' })
      expect(user.role).toBe(account.role)
    }
  })
})
