/**
 * Interviews (product.md, Interviews): no double-booking (same interviewer or same candidate, touching
 * slots allowed, cancelled ones free the slot, concurrent bookings of one slot: exactly one wins),
 * every allowed and refused status change, the clock (nothing completed, no-show or scored before the
 * start, in progress shortly before it, no booking in the past unless recorded as a past interview),
 * scoring only when completed, only 1-10, by the interviewer or a manager, with the comment kept apart
 * from the notes, interviewers who may interview, and every change audited with before/after.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { INTERVIEW_STATUSES } from '#shared/schemas/interviews.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { candidateFixture, freeSlot, interviewFixture, pastSlot } from '#test/helpers/fixtures.ts'

let app: TestApp
let manager: ReturnType<typeof createCaller>
let interviewer: { id: string; fullName: string }
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  manager = await app.callerFor(DEMO.manager)
  const user = await app.createUser({
    email: 'sam.interviewer@example.com',
    fullName: 'Sam Interviewer',
    role: 'agent',
  })
  interviewer = { id: user.id, fullName: 'Sam Interviewer' }
})
afterAll(() => app?.close())

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  )
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000)

async function book(
  start: Date,
  durationMins = 60,
  who: { interviewerId?: string; interviewerName?: string } = { interviewerId: interviewer.id },
) {
  const candidate = await candidateFixture(app.prisma, { fullName: 'Noah Dubois' })
  return manager.interviews.schedule({
    candidateId: candidate.id,
    ...who,
    scheduledAt: start,
    durationMins,
    interviewType: 'onsite',
  })
}

describe('no double-booking', () => {
  it('refuses an overlapping slot for the same interviewer and names the clash', async () => {
    const start = freeSlot()
    await book(start)
    const clash = await failure(book(minutes(start, 30)))
    expect(clash?.code).toBe('CONFLICT')
    expect(clash?.message).toMatch(
      /^Sam Interviewer already has an onsite interview with Noah Dubois on \w{3}, \d+ \w{3} \d{4} \d\d:\d\d–\d\d:\d\d\./,
    )
    const inside = await failure(book(minutes(start, 10), 20))
    expect(inside?.code).toBe('CONFLICT')
    const around = await failure(book(minutes(start, -30), 120))
    expect(around?.code).toBe('CONFLICT')
  })

  it('allows touching slots, other interviewers, and slots freed by cancellation', async () => {
    const start = freeSlot()
    const first = await book(start)
    await expect(book(minutes(start, 60))).resolves.toBeDefined() // starts as the first ends
    await expect(book(minutes(start, -30), 30)).resolves.toBeDefined() // ends as the first starts
    await expect(book(minutes(start, 15), 30, { interviewerName: 'Someone Else' })).resolves.toBeDefined()
    await manager.interviews.setStatus({ id: first.id, status: 'cancelled' })
    await expect(book(minutes(start, 15), 30)).resolves.toBeDefined()
  })

  it('checks outside interviewers by name, in any case', async () => {
    const start = freeSlot()
    await book(start, 60, { interviewerName: 'Dr. Priya Nair' })
    const clash = await failure(book(minutes(start, 30), 60, { interviewerName: '  dr. PRIYA nair ' }))
    expect(clash?.code).toBe('CONFLICT')
  })

  it('applies to rescheduling, but an interview never clashes with itself', async () => {
    const start = freeSlot()
    const a = await book(start)
    const b = await book(minutes(start, 120))
    expect((await failure(manager.interviews.update({ id: b.id, scheduledAt: minutes(start, 30) })))?.code).toBe(
      'CONFLICT',
    )
    await expect(
      manager.interviews.update({ id: a.id, scheduledAt: minutes(start, 15), durationMins: 90 }),
    ).resolves.toMatchObject({ durationMins: 90 })
    // Moving another interviewer's interview onto Sam's busy slot is refused too.
    const c = await book(start, 60, { interviewerName: 'Jordan Other' })
    expect((await failure(manager.interviews.update({ id: c.id, interviewerId: interviewer.id })))?.code).toBe(
      'CONFLICT',
    )
  })

  it('holds when many bookings of one slot arrive at once: exactly one wins', async () => {
    const start = freeSlot()
    const candidates = await Promise.all(Array.from({ length: 8 }, () => candidateFixture(app.prisma)))
    const callers = await Promise.all(candidates.map(() => app.callerFor(DEMO.manager)))
    const results = await Promise.allSettled(
      candidates.map((c, i) =>
        callers[i]!.interviews.schedule({
          candidateId: c.id,
          interviewerId: interviewer.id,
          scheduledAt: minutes(start, i * 5),
          interviewType: 'video',
        }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect((r.reason as TRPCError).code).toBe('CONFLICT')
    const busy = await app.prisma.interview.count({
      where: {
        interviewerId: interviewer.id,
        scheduledAt: { gte: minutes(start, -60), lt: minutes(start, 120) },
        status: { in: ['scheduled', 'in_progress'] },
      },
    })
    expect(busy).toBe(1)
  })
})

describe('no double-booking of a candidate', () => {
  const bookFor = (
    candidateId: string,
    start: Date,
    durationMins = 60,
    interviewerName = `Panel ${Math.random().toString(36).slice(2, 8)}`,
  ) =>
    manager.interviews.schedule({
      candidateId,
      interviewerName,
      scheduledAt: start,
      durationMins,
      interviewType: 'video',
    })

  it('a candidate cannot be in two overlapping interviews, whoever interviews; the refusal names the clash', async () => {
    const c = await candidateFixture(app.prisma, { fullName: 'Lena Okafor' })
    const start = freeSlot()
    await manager.interviews.schedule({
      candidateId: c.id,
      interviewerId: interviewer.id,
      scheduledAt: start,
      durationMins: 60,
      interviewType: 'onsite',
    })
    const clash = await failure(bookFor(c.id, minutes(start, 30), 60, 'Dr. Other Panel'))
    expect(clash?.code).toBe('CONFLICT')
    expect(clash?.message).toMatch(
      /^Lena Okafor already has an onsite interview with Sam Interviewer on \w{3}, \d+ \w{3} \d{4} \d\d:\d\d–\d\d:\d\d\. Pick another time\.$/,
    )
    expect(JSON.stringify(clash?.cause)).toContain('scheduledAt')
    for (const [at, mins] of [
      [minutes(start, 10), 20],
      [minutes(start, -30), 120],
    ] as const)
      expect((await failure(bookFor(c.id, at, mins)))?.code).toBe('CONFLICT')
    expect(await app.prisma.interview.count({ where: { candidateId: c.id } })).toBe(1)
  })

  it('touching slots are fine for a candidate, and a cancelled interview frees the slot', async () => {
    const c = await candidateFixture(app.prisma)
    const start = freeSlot()
    const first = await bookFor(c.id, start)
    await expect(bookFor(c.id, minutes(start, 60))).resolves.toBeDefined()
    await expect(bookFor(c.id, minutes(start, -45), 45)).resolves.toBeDefined()
    await manager.interviews.setStatus({ id: first.id, status: 'cancelled' })
    await expect(bookFor(c.id, minutes(start, 15), 30)).resolves.toBeDefined()
  })

  it("rescheduling onto the candidate's other interview is refused; changing only the interviewer is not", async () => {
    const c = await candidateFixture(app.prisma, { fullName: 'Ravi Haddad' })
    const start = freeSlot()
    await bookFor(c.id, start)
    const later = await bookFor(c.id, minutes(start, 120))
    const refused = await failure(manager.interviews.update({ id: later.id, scheduledAt: minutes(start, 30) }))
    expect(refused?.code).toBe('CONFLICT')
    expect(refused?.message).toMatch(/^Ravi Haddad already has a video interview with Panel /)
    await expect(manager.interviews.update({ id: later.id, interviewerName: 'Someone New' })).resolves.toMatchObject({
      interviewerName: 'Someone New',
    })
  })

  it('holds when bookings of one candidate with different interviewers arrive at once: exactly one wins', async () => {
    const c = await candidateFixture(app.prisma)
    const start = freeSlot()
    const callers = await Promise.all(Array.from({ length: 8 }, () => app.callerFor(DEMO.manager)))
    const results = await Promise.allSettled(
      callers.map((caller, i) =>
        caller.interviews.schedule({
          candidateId: c.id,
          interviewerName: `Parallel Panel ${i}`,
          scheduledAt: minutes(start, i * 5),
          interviewType: 'video',
        }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect((r.reason as TRPCError).code).toBe('CONFLICT')
    expect(
      await app.prisma.interview.count({ where: { candidateId: c.id, status: { in: ['scheduled', 'in_progress'] } } }),
    ).toBe(1)
  })

  it('crossed bookings (two interviewers, two candidates, one slot) never deadlock: every refusal is a clash', async () => {
    const candidates = await Promise.all([candidateFixture(app.prisma), candidateFixture(app.prisma)])
    const panels = [`Crossed Panel A ${Date.now()}`, `Crossed Panel B ${Date.now()}`]
    const start = freeSlot()
    const pairs = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
      candidate: candidates[i % 2]!,
      panel: panels[Math.floor(i / 2) % 2]!,
    }))
    const callers = await Promise.all(pairs.map(() => app.callerFor(DEMO.manager)))
    const results = await Promise.allSettled(
      pairs.map((p, i) =>
        callers[i]!.interviews.schedule({
          candidateId: p.candidate.id,
          interviewerName: p.panel,
          scheduledAt: minutes(start, i),
          interviewType: 'video',
        }),
      ),
    )
    for (const r of results) if (r.status === 'rejected') expect((r.reason as TRPCError).code).toBe('CONFLICT')
    const won = results.filter((r) => r.status === 'fulfilled').length
    expect(won).toBeGreaterThanOrEqual(1)
    expect(won).toBeLessThanOrEqual(2)
    for (const p of candidates)
      expect(await app.prisma.interview.count({ where: { candidateId: p.id } })).toBeLessThanOrEqual(1)
    for (const name of panels)
      expect(await app.prisma.interview.count({ where: { interviewerName: name } })).toBeLessThanOrEqual(1)
  })
})

describe('interviewers', () => {
  it('must be active users who can open interviews', async () => {
    const viewer = await app.createUser({ email: 'viewer.not.interviewer@example.com', role: 'viewer' })
    const inactive = await app.createUser({ email: 'gone.interviewer@example.com', role: 'manager', active: false })
    for (const id of [viewer.id, inactive.id, 'no-such-user']) {
      const error = await failure(book(freeSlot(), 60, { interviewerId: id }))
      expect(error?.code).toBe('BAD_REQUEST')
    }
    // An override that allows interviews makes a viewer an interviewer.
    await app.prisma.userPageAccess.create({ data: { userId: viewer.id, pageName: 'interviews', hasAccess: true } })
    await expect(book(freeSlot(), 60, { interviewerId: viewer.id })).resolves.toMatchObject({
      interviewerName: viewer.email.split('@')[0],
    })
    const options = await manager.interviews.interviewers({ search: 'viewer.not' })
    expect(options.map((o) => o.id)).toEqual([viewer.id])
  })

  it('is one of a colleague or an outside name, not both and not neither', async () => {
    const c = await candidateFixture(app.prisma)
    for (const who of [{}, { interviewerId: interviewer.id, interviewerName: 'Both' }]) {
      const error = await failure(
        manager.interviews.schedule({ candidateId: c.id, scheduledAt: freeSlot(), interviewType: 'video', ...who }),
      )
      expect(error?.code).toBe('BAD_REQUEST')
    }
  })
})

describe('status changes', () => {
  const ALLOWED: Record<string, string[]> = {
    scheduled: ['in_progress', 'completed', 'cancelled', 'no_show'],
    in_progress: ['completed', 'cancelled'],
    completed: [],
    cancelled: [],
    no_show: [],
  }
  const pairs = INTERVIEW_STATUSES.flatMap((from) =>
    INTERVIEW_STATUSES.filter((to) => to !== from).map((to) => ({ from, to })),
  )

  it.each(pairs)('$from -> $to', async ({ from, to }) => {
    // An interview whose start has come, so only the transition rules decide (the clock has its own tests).
    const i = await interviewFixture(app.prisma, { status: from, scheduledAt: pastSlot() })
    const call = manager.interviews.setStatus({ id: i.id, status: to })
    if (ALLOWED[from]!.includes(to)) {
      await expect(call).resolves.toMatchObject({ status: to })
      const row = await app.prisma.auditLog.findFirstOrThrow({
        where: { targetId: i.id, action: 'interview_status_changed' },
      })
      expect(row.metadata).toEqual({ before: { status: from }, after: { status: to } })
    } else {
      expect((await failure(call))?.code).toBe('CONFLICT')
      expect((await app.prisma.interview.findUniqueOrThrow({ where: { id: i.id } })).status).toBe(from)
    }
  })

  it('only scheduled interviews can be rescheduled', async () => {
    const i = await interviewFixture(app.prisma, { status: 'in_progress' })
    expect((await failure(manager.interviews.update({ id: i.id, durationMins: 30 })))?.code).toBe('CONFLICT')
  })
})

describe('scores', () => {
  it('only once completed', async () => {
    for (const status of ['scheduled', 'in_progress', 'cancelled', 'no_show'] as const) {
      const i = await interviewFixture(app.prisma, { status })
      expect((await failure(manager.interviews.score({ id: i.id, score: 8 })))?.code).toBe('CONFLICT')
    }
  })

  it('only 1-10, whole numbers', async () => {
    const i = await interviewFixture(app.prisma, { status: 'completed', scheduledAt: pastSlot() })
    for (const score of [0, 11, 5.5, -1])
      expect((await failure(manager.interviews.score({ id: i.id, score })))?.code).toBe('BAD_REQUEST')
    expect((await app.prisma.interview.findUniqueOrThrow({ where: { id: i.id } })).score).toBeNull()
  })

  it('records the score and the comment; a changed score keeps the earlier one in the audit log', async () => {
    const i = await interviewFixture(app.prisma, { status: 'completed', scheduledAt: pastSlot() })
    await manager.interviews.score({ id: i.id, score: 8, scoreComment: 'Clear communicator.' })
    await manager.interviews.score({ id: i.id, score: 9 })
    await manager.interviews.score({ id: i.id, score: 9, scoreComment: null })
    const rows = await app.prisma.auditLog.findMany({
      where: { targetId: i.id, action: 'interview_scored' },
      orderBy: { timestamp: 'asc' },
    })
    expect(rows.map((r) => r.metadata)).toEqual([
      { before: { score: null, scoreComment: null }, after: { score: 8, scoreComment: 'Clear communicator.' } },
      { before: { score: 8 }, after: { score: 9 } },
      { before: { scoreComment: 'Clear communicator.' }, after: { scoreComment: null } },
    ])
  })

  it("the scorer's comment keeps the booking notes", async () => {
    const i = await interviewFixture(app.prisma, {
      status: 'completed',
      scheduledAt: pastSlot(),
      notes: 'Ask about weekend availability.',
    })
    const scored = await manager.interviews.score({
      id: i.id,
      score: 6,
      scoreComment: 'Good on weekends, weak on tooling.',
    })
    expect(scored).toMatchObject({
      notes: 'Ask about weekend availability.',
      score: 6,
      scoreComment: 'Good on weekends, weak on tooling.',
    })
    expect(await app.prisma.interview.findUniqueOrThrow({ where: { id: i.id } })).toMatchObject({
      notes: 'Ask about weekend availability.',
      scoreComment: 'Good on weekends, weak on tooling.',
    })
  })

  it("an agent cannot re-score a colleague's interview; the interviewer and a manager can", async () => {
    const sam = await app.callerFor('sam.interviewer@example.com')
    const colleague = await app.callerFor(DEMO.agent) // Alex Agent: may update interviews, but does not conduct this one
    const i = await interviewFixture(app.prisma, {
      status: 'completed',
      scheduledAt: pastSlot(),
      interviewerId: interviewer.id,
      interviewerName: interviewer.fullName,
    })
    await sam.interviews.score({ id: i.id, score: 9, scoreComment: 'Excellent.' })
    const refused = await failure(colleague.interviews.score({ id: i.id, score: 1, scoreComment: 'Nope.' }))
    expect(refused?.code).toBe('FORBIDDEN')
    expect(await app.prisma.interview.findUniqueOrThrow({ where: { id: i.id } })).toMatchObject({
      score: 9,
      scoreComment: 'Excellent.',
    })
    // An outside interviewer's interview belongs to no agent either.
    const outside = await interviewFixture(app.prisma, { status: 'completed', scheduledAt: pastSlot() })
    expect((await failure(sam.interviews.score({ id: outside.id, score: 5 })))?.code).toBe('FORBIDDEN')
    // A manager may change it, and the log keeps the 9.
    await manager.interviews.score({ id: i.id, score: 7 })
    const rows = await app.prisma.auditLog.findMany({
      where: { targetId: i.id, action: 'interview_scored' },
      orderBy: { timestamp: 'asc' },
    })
    expect(rows.map((r) => r.metadata)).toEqual([
      { before: { score: null, scoreComment: null }, after: { score: 9, scoreComment: 'Excellent.' } },
      { before: { score: 9 }, after: { score: 7 } },
    ])
  })
})

describe('the clock (a fixed now: Wednesday 2 December 2026, 09:00 UTC)', () => {
  const NOW = new Date('2026-12-02T09:00:00Z')
  let clock = NOW
  let clockApp: TestApp
  let boss: ReturnType<typeof createCaller>
  beforeAll(async () => {
    clockApp = await setupTestApp({ demoOverrides: false, now: () => clock })
    boss = await clockApp.callerFor(DEMO.manager)
  })
  afterAll(() => clockApp?.close())
  beforeEach(() => {
    clock = NOW
  })
  const at = (m: number) => minutes(NOW, m)
  const DAY = 24 * 60
  const statusOf = async (id: string) => (await clockApp.prisma.interview.findUniqueOrThrow({ where: { id } })).status

  it('an interview two days ahead cannot be marked completed or no-show; the refusal says from when', async () => {
    const i = await interviewFixture(clockApp.prisma, { scheduledAt: at(2 * DAY) })
    for (const [status, label] of [
      ['completed', 'completed'],
      ['no_show', 'no-show'],
    ] as const) {
      const refused = await failure(boss.interviews.setStatus({ id: i.id, status }))
      expect(refused?.code).toBe('CONFLICT')
      expect(refused?.message).toBe(
        `This interview has not started yet. It can be marked ${label} from Fri, 4 Dec 2026 09:00, when it starts.`,
      )
    }
    expect(await statusOf(i.id)).toBe('scheduled')
    expect(await clockApp.prisma.auditLog.count({ where: { targetId: i.id } })).toBe(0)
    // Cancelling does not wait; once the start comes, completing works.
    const other = await interviewFixture(clockApp.prisma, { scheduledAt: at(2 * DAY) })
    await expect(boss.interviews.setStatus({ id: other.id, status: 'cancelled' })).resolves.toMatchObject({
      status: 'cancelled',
    })
    clock = at(2 * DAY)
    await expect(boss.interviews.setStatus({ id: i.id, status: 'completed' })).resolves.toMatchObject({
      status: 'completed',
    })
  })

  it('in progress can be marked from ten minutes before the start, not earlier', async () => {
    const soon = await interviewFixture(clockApp.prisma, { scheduledAt: at(15) })
    const refused = await failure(boss.interviews.setStatus({ id: soon.id, status: 'in_progress' }))
    expect(refused?.code).toBe('CONFLICT')
    expect(refused?.message).toBe(
      'This interview has not started yet. It can be marked in progress from Wed, 2 Dec 2026 09:05, 10 minutes before it starts.',
    )
    const nearly = await interviewFixture(clockApp.prisma, { scheduledAt: at(10) })
    await expect(boss.interviews.setStatus({ id: nearly.id, status: 'in_progress' })).resolves.toMatchObject({
      status: 'in_progress',
    })
    // In progress early does not let it be completed before the start.
    expect((await failure(boss.interviews.setStatus({ id: nearly.id, status: 'completed' })))?.code).toBe('CONFLICT')
  })

  it('an interview marked completed ahead of its start (before this rule) cannot be scored until it starts', async () => {
    const i = await interviewFixture(clockApp.prisma, { status: 'completed', scheduledAt: at(2 * DAY) })
    const refused = await failure(boss.interviews.score({ id: i.id, score: 9 }))
    expect(refused?.code).toBe('CONFLICT')
    expect(refused?.message).toBe(
      'This interview has not started yet. It can be scored from Fri, 4 Dec 2026 09:00, when it starts.',
    )
    expect((await clockApp.prisma.interview.findUniqueOrThrow({ where: { id: i.id } })).score).toBeNull()
  })

  it('a past start is refused unless recorded as a past interview', async () => {
    const c = await candidateFixture(clockApp.prisma, { fullName: 'Past Person' })
    const input = {
      candidateId: c.id,
      interviewerName: 'Logged Panel',
      scheduledAt: new Date('2025-01-07T09:15:00Z'),
      interviewType: 'onsite' as const,
    }
    const refused = await failure(boss.interviews.schedule(input))
    expect(refused?.code).toBe('CONFLICT')
    expect(refused?.message).toBe(
      'This start is in the past (more than 5 minutes ago). Pick a start from now on, or record it as a past interview: choose how it went and save again.',
    )
    expect(JSON.stringify(refused?.cause)).toContain('"outcome":["To record a past interview, choose how it went."]')
    expect(await clockApp.prisma.interview.count({ where: { candidateId: c.id } })).toBe(0)

    const recorded = await boss.interviews.schedule({ ...input, outcome: 'completed' })
    expect(recorded).toMatchObject({ status: 'completed', scheduledAt: input.scheduledAt })
    const audit = await clockApp.prisma.auditLog.findFirstOrThrow({ where: { targetId: recorded.id } })
    expect(audit.action).toBe('interview_scheduled')
    expect(audit.metadata).toMatchObject({ after: { status: 'completed', scheduledAt: '2025-01-07T09:15:00.000Z' } })
    // A past interview holds no slot: a no-show recorded at the same time is not a clash.
    await expect(boss.interviews.schedule({ ...input, outcome: 'no_show' })).resolves.toMatchObject({
      status: 'no_show',
    })
    // An outcome needs a start that has come.
    expect(
      (await failure(boss.interviews.schedule({ ...input, scheduledAt: at(60), outcome: 'cancelled' })))?.code,
    ).toBe('CONFLICT')
  })

  it('a start a few minutes ago (clock skew) is still scheduled; beyond five minutes it is a past start', async () => {
    const c = await candidateFixture(clockApp.prisma)
    const book = (m: number) =>
      boss.interviews.schedule({
        candidateId: c.id,
        interviewerName: `Skew Panel ${m}`,
        scheduledAt: at(m),
        durationMins: 5,
        interviewType: 'video',
      })
    await expect(book(-4)).resolves.toMatchObject({ status: 'scheduled' })
    expect((await failure(book(-6)))?.code).toBe('CONFLICT')
  })

  it('rescheduling an existing interview into the past is refused', async () => {
    const i = await interviewFixture(clockApp.prisma, { scheduledAt: at(DAY) })
    const refused = await failure(boss.interviews.update({ id: i.id, scheduledAt: at(-60) }))
    expect(refused?.code).toBe('CONFLICT')
    expect(refused?.message).toBe('An interview cannot be moved into the past. Pick a start from now on.')
    expect((await clockApp.prisma.interview.findUniqueOrThrow({ where: { id: i.id } })).scheduledAt).toEqual(at(DAY))
    await expect(boss.interviews.update({ id: i.id, scheduledAt: at(120) })).resolves.toMatchObject({
      scheduledAt: at(120),
    })
  })
})

describe('audit', () => {
  it('schedule, reschedule and delete each write one row with before/after', async () => {
    const start = freeSlot()
    const i = await book(start)
    const scheduled = await app.prisma.auditLog.findFirstOrThrow({
      where: { targetId: i.id, action: 'interview_scheduled' },
    })
    expect(scheduled.metadata).toMatchObject({
      after: {
        interviewerId: interviewer.id,
        interviewerName: 'Sam Interviewer',
        durationMins: 60,
        interviewType: 'onsite',
        status: 'scheduled',
      },
    })
    await manager.interviews.update({ id: i.id, scheduledAt: minutes(start, 30), interviewType: 'final' })
    const updated = await app.prisma.auditLog.findFirstOrThrow({
      where: { targetId: i.id, action: 'interview_updated' },
    })
    expect(updated.metadata).toEqual({
      before: { scheduledAt: start.toISOString(), interviewType: 'onsite' },
      after: { scheduledAt: minutes(start, 30).toISOString(), interviewType: 'final' },
    })
    await manager.interviews.delete({ id: i.id })
    const deleted = await app.prisma.auditLog.findFirstOrThrow({
      where: { targetId: i.id, action: 'interview_deleted' },
    })
    expect(deleted.metadata).toMatchObject({ before: { interviewType: 'final' } })
    expect(await app.prisma.auditLog.count({ where: { targetId: i.id } })).toBe(3)
  })
})
