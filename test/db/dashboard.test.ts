/**
 * The dashboard (product.md, Dashboard) under a fixed clock and a fixed time zone: each card and chart
 * appears only for roles that can open its page, and its numbers match what the database holds,
 * counted here independently with plain queries on known data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { createContext } from '#server/context.server.ts'
import { SESSION_COOKIE_NAME } from '#server/auth/session.server.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { callFixture, candidateFixture, interviewFixture } from '#test/helpers/fixtures.ts'

/** Wednesday 10 June 2026, 14:00 in New York (18:00 UTC). */
const NOW = new Date('2026-06-10T18:00:00Z')
const TZ = 'America/New_York'
let app: TestApp

beforeAll(async () => {
  app = await setupTestApp({ now: () => NOW })
  // Start from known rows only: the seed's interviews and calls are relative to the real clock.
  await app.prisma.interview.deleteMany()
  await app.prisma.call.deleteMany()
  await app.prisma.candidate.deleteMany()
})
afterAll(() => app?.close())

/** A caller for `email` whose browser said it is in New York. */
async function callerIn(email: string) {
  const token = await app.sessionToken(email)
  const headers = new Headers({ cookie: `${SESSION_COOKIE_NAME}=${token}; gatehouse_tz=${encodeURIComponent(TZ)}` })
  return createCaller(await createContext(app.services, { headers, ip: '127.0.0.1' }))
}

const at = (iso: string) => new Date(iso)

describe('dashboard.summary', () => {
  beforeAll(async () => {
    for (const status of ['applied', 'applied', 'screening', 'interviewed', 'hired', 'rejected', 'rejected'] as const)
      await candidateFixture(app.prisma, { status })
    const c = await candidateFixture(app.prisma, { status: 'screening' })
    // Interviews: today in New York (10 June) = 04:00Z on the 10th to 04:00Z on the 11th.
    await interviewFixture(app.prisma, { candidateId: c.id, scheduledAt: at('2026-06-10T13:00:00Z') }) // today
    await interviewFixture(app.prisma, { candidateId: c.id, scheduledAt: at('2026-06-11T02:00:00Z') }) // today (22:00 local)
    await interviewFixture(app.prisma, { candidateId: c.id, scheduledAt: at('2026-06-11T05:00:00Z') }) // tomorrow
    await interviewFixture(app.prisma, { candidateId: c.id, scheduledAt: at('2026-06-08T15:00:00Z') }) // Monday this week
    await interviewFixture(app.prisma, {
      candidateId: c.id,
      scheduledAt: at('2026-06-12T15:00:00Z'),
      status: 'cancelled',
    }) // cancelled: still an interview that day
    await interviewFixture(app.prisma, { candidateId: c.id, scheduledAt: at('2026-06-20T15:00:00Z') }) // in 10 days
    // Calls: three today, one inbound missed (to call back) and one outbound missed (nobody picked up
    // when we called: not a missed call to return); one yesterday; one 20 days ago (out of the chart); two important.
    await callFixture(app.prisma, { calledAt: at('2026-06-10T12:00:00Z'), direction: 'inbound' })
    await callFixture(app.prisma, {
      calledAt: at('2026-06-10T17:30:00Z'),
      direction: 'inbound',
      outcome: 'missed',
      isImportant: true,
    })
    await callFixture(app.prisma, { calledAt: at('2026-06-10T15:00:00Z'), direction: 'outbound', outcome: 'missed' })
    await callFixture(app.prisma, { calledAt: at('2026-06-10T03:00:00Z'), direction: 'outbound' }) // 23:00 on the 9th in New York
    await callFixture(app.prisma, {
      calledAt: at('2026-05-21T12:00:00Z'),
      direction: 'inbound',
      outcome: 'voicemail',
      isImportant: true,
    })
  })

  it('counts match the database for an admin', async () => {
    const s = await (await callerIn(DEMO.admin)).dashboard.summary()
    const open = await app.prisma.candidate.count({
      where: { status: { in: ['applied', 'screening', 'interviewed'] } },
    })
    expect(s.today).toBe('2026-06-10')
    expect(s.cards).toEqual({
      openCandidates: open,
      interviewsToday: 2,
      interviewsThisWeek: 5, // Monday 8th, two today, Thursday 11th, the cancelled one on Friday
      callsToday: 3,
      missedCallsToday: 1,
      importantCalls: { count: await app.prisma.call.count({ where: { isImportant: true } }), capped: false },
      activeUsers: { count: await app.prisma.user.count({ where: { active: true } }), capped: false },
    })
    expect(s.charts.candidatesByStatus).toEqual([
      { status: 'applied', count: 2 },
      { status: 'screening', count: 2 },
      { status: 'interviewed', count: 1 },
      { status: 'hired', count: 1 },
      { status: 'rejected', count: 2 },
    ])
    expect(s.charts.interviewsByDay).toHaveLength(14)
    expect(s.charts.interviewsByDay![0]).toEqual({ day: '2026-06-10', count: 2 })
    expect(s.charts.interviewsByDay!.find((d) => d.day === '2026-06-20')).toEqual({ day: '2026-06-20', count: 1 })
    expect(s.charts.interviewsByDay!.reduce((n, d) => n + d.count, 0)).toBe(5)
    expect(s.charts.callsByDay).toHaveLength(14)
    expect(s.charts.callsByDay!.at(-1)).toEqual({ day: '2026-06-10', answered: 1, missed: 2, busy: 0, voicemail: 0 })
    expect(s.charts.callsByDay!.at(-2)).toEqual({ day: '2026-06-09', answered: 1, missed: 0, busy: 0, voicemail: 0 })
    expect(s.upcomingInterviews!.map((i) => i.scheduledAt.toISOString())).toEqual([
      '2026-06-11T02:00:00.000Z',
      '2026-06-11T05:00:00.000Z',
      '2026-06-20T15:00:00.000Z',
    ])
  })

  it('shows each role only the cards and charts of pages it can open', async () => {
    const shape = async (email: string) => {
      const s = await (await callerIn(email)).dashboard.summary()
      return {
        cards: Object.entries(s.cards)
          .filter(([, v]) => v !== null)
          .map(([k]) => k)
          .sort(),
        charts: Object.entries(s.charts)
          .filter(([, v]) => v !== null)
          .map(([k]) => k)
          .sort(),
        upcoming: s.upcomingInterviews !== null,
      }
    }
    expect(await shape(DEMO.manager)).toEqual({
      cards: [
        'callsToday',
        'importantCalls',
        'interviewsThisWeek',
        'interviewsToday',
        'missedCallsToday',
        'openCandidates',
      ],
      charts: ['callsByDay', 'candidatesByStatus', 'interviewsByDay'],
      upcoming: true,
    })
    // The demo agent may open candidates (an override); no user management.
    expect((await shape(DEMO.agent)).cards).not.toContain('activeUsers')
    // The demo viewer may open calls (an override) and nothing else of these.
    expect(await shape(DEMO.viewer)).toEqual({
      cards: ['callsToday', 'importantCalls', 'missedCallsToday'],
      charts: ['callsByDay'],
      upcoming: false,
    })
  })

  it('lists my next interviews for an interviewer', async () => {
    const c = await candidateFixture(app.prisma)
    await interviewFixture(app.prisma, {
      candidateId: c.id,
      interviewerId: app.ids.manager,
      interviewerName: 'Morgan Manager',
      scheduledAt: at('2026-06-12T14:00:00Z'),
    })
    const s = await (await callerIn(DEMO.manager)).dashboard.summary()
    expect(s.myNextInterviews!.map((i) => i.scheduledAt.toISOString())).toEqual(['2026-06-12T14:00:00.000Z'])
  })
})

describe('dashboard.summary across a clock change, and past the count cap', () => {
  /** Tuesday 3 November 2026, 13:00 in New York: summer time ended on Sunday 1 November at 02:00. */
  const AFTER_DST = new Date('2026-11-03T18:00:00Z')
  let dst: TestApp
  beforeAll(async () => {
    dst = await setupTestApp({ now: () => AFTER_DST })
    await dst.prisma.call.deleteMany()
    await dst.prisma.interview.deleteMany()
    // Each call sits half an hour either side of a New York midnight; 1 November lasts 25 hours.
    for (const calledAt of [
      '2026-11-01T03:30:00Z',
      '2026-11-01T04:30:00Z',
      '2026-11-02T04:30:00Z',
      '2026-11-02T05:30:00Z',
    ]) {
      await callFixture(dst.prisma, { calledAt: at(calledAt), direction: 'outbound' })
    }
    // More important calls than a list counts: the card says "1,000+", as /calls?isImportant=true does.
    await dst.prisma.call.createMany({
      data: Array.from({ length: 1_001 }, (_, i) => ({
        callerName: `Important ${i}`,
        callerNumber: '+14155550100',
        direction: 'inbound' as const,
        outcome: 'answered' as const,
        isImportant: true,
        calledAt: at('2026-09-01T12:00:00Z'),
      })),
    })
  })
  afterAll(() => dst?.close())

  it('puts each call in its local day when a day has 25 hours, and caps the important count', async () => {
    const token = await dst.sessionToken(DEMO.admin)
    const headers = new Headers({ cookie: `${SESSION_COOKIE_NAME}=${token}; gatehouse_tz=${encodeURIComponent(TZ)}` })
    const s = await createCaller(await createContext(dst.services, { headers, ip: '127.0.0.1' })).dashboard.summary()
    const answered = Object.fromEntries(s.charts.callsByDay!.map((d) => [d.day, d.answered]))
    expect([answered['2026-10-31'], answered['2026-11-01'], answered['2026-11-02']]).toEqual([1, 2, 1])
    expect(s.charts.callsByDay!.at(-1)!.day).toBe('2026-11-03')
    expect(s.charts.interviewsByDay!.map((d) => d.day).slice(0, 2)).toEqual(['2026-11-03', '2026-11-04'])
    expect(s.cards.importantCalls).toEqual({ count: 1_000, capped: true })
  })
})
