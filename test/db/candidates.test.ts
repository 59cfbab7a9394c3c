/**
 * Candidates (product.md, Candidates): unique email in any case, phone numbers stored as E.164, resume
 * links http(s) only, the list's search, filters, sort and pages, status changes and edits audited
 * with before/after, and delete taking the interviews with it.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { candidateFixture, freeSlot, interviewFixture, pastSlot } from '#test/helpers/fixtures.ts'

let app: TestApp
let admin: ReturnType<typeof createCaller>
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  admin = await app.callerFor(DEMO.admin)
})
afterAll(() => app?.close())

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  )
const base = { fullName: 'Noah Dubois', position: 'Support Agent' }

describe('email', () => {
  it('is unique whatever its case: CONFLICT on email, on create and on update', async () => {
    await admin.candidates.create({ ...base, email: 'noah.dubois@example.com' })
    const dup = await failure(admin.candidates.create({ ...base, email: 'Noah.DUBOIS@Example.com' }))
    expect(dup?.code).toBe('CONFLICT')
    expect(dup?.message).toBe('A candidate with this email already exists.')
    const other = await candidateFixture(app.prisma)
    const clash = await failure(admin.candidates.update({ id: other.id, email: 'NOAH.dubois@example.com' }))
    expect(clash?.code).toBe('CONFLICT')
    expect(await app.prisma.candidate.count({ where: { email: 'noah.dubois@example.com' } })).toBe(1)
  })

  it('is stored lower-cased', async () => {
    const c = await admin.candidates.create({ ...base, email: 'Mixed.Case@Example.COM' })
    expect(c.email).toBe('mixed.case@example.com')
  })
})

describe('phone', () => {
  it.each([
    ['(415) 555-0134', '+14155550134'],
    ['415.555.0134', '+14155550134'],
    ['+1 415 555 0134', '+14155550134'],
    ['+44 20 7946 0123', '+442079460123'],
    ['+49 30 901820', '+4930901820'],
  ])('%s is stored as %s', async (typed, e164) => {
    const c = await admin.candidates.create({
      ...base,
      email: `phone-${e164}-${typed.length}@example.com`,
      phone: typed,
    })
    expect(c.phone).toBe(e164)
  })

  it.each(['555 0134', 'call me', '+1 999', '12'])('refuses %s with a field message', async (typed) => {
    const error = await failure(
      admin.candidates.create({ ...base, email: `bad-phone-${typed.length}@example.com`, phone: typed }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(JSON.stringify(error?.cause)).toMatch(/phone|Phone|valid phone/)
  })

  it('is cleared by null or an empty value, and kept when omitted', async () => {
    const c = await admin.candidates.create({ ...base, email: 'clear-phone@example.com', phone: '+14155550199' })
    expect((await admin.candidates.update({ id: c.id, position: 'Trainer' })).phone).toBe('+14155550199')
    expect((await admin.candidates.update({ id: c.id, phone: '' })).phone).toBeNull()
    await admin.candidates.update({ id: c.id, phone: '+14155550199' })
    expect((await admin.candidates.update({ id: c.id, phone: null })).phone).toBeNull()
  })
})

describe('resume link', () => {
  it.each(['https://files.example.com/cv.pdf', 'http://example.com/cv'])('accepts %s', async (url) => {
    const c = await admin.candidates.create({ ...base, email: `cv-${url.length}@example.com`, resumeUrl: url })
    expect(c.resumeUrl).toBe(url)
  })
  it.each(['javascript:alert(1)', 'ftp://example.com/cv', 'data:text/html,<b>x</b>', 'not a url', '//example.com/cv'])(
    'refuses %s',
    async (url) => {
      const error = await failure(
        admin.candidates.create({ ...base, email: `cv-bad-${url.length}@example.com`, resumeUrl: url }),
      )
      expect(error?.code).toBe('BAD_REQUEST')
    },
  )
})

describe('list', () => {
  beforeAll(async () => {
    await candidateFixture(app.prisma, {
      fullName: 'Zelda Quartz',
      email: 'zelda.quartz@example.com',
      position: 'Night Shift Lead',
      status: 'screening',
    })
    await candidateFixture(app.prisma, {
      fullName: 'Quentin Zorro',
      email: 'qz@example.com',
      position: 'Night Shift Lead',
      status: 'hired',
    })
  })

  it('searches name, email and position, in any case', async () => {
    expect((await admin.candidates.list({ search: 'zelda' })).items.map((c) => c.email)).toEqual([
      'zelda.quartz@example.com',
    ])
    expect((await admin.candidates.list({ search: 'QZ@EXAMPLE' })).items.map((c) => c.email)).toEqual([
      'qz@example.com',
    ])
    expect((await admin.candidates.list({ search: 'night shift' })).total).toBe(2)
  })

  it('filters by status (one, several, or open) and by position', async () => {
    const open = await admin.candidates.list({ search: 'night shift', status: 'open' })
    expect(open.items.map((c) => c.status)).toEqual(['screening'])
    expect((await admin.candidates.list({ search: 'night shift', status: ['screening', 'hired'] })).total).toBe(2)
    expect((await admin.candidates.list({ position: 'NIGHT SHIFT LEAD' })).total).toBe(2)
    expect(
      (await admin.candidates.list({ status: 'hired', position: 'Night Shift Lead' })).items.map((c) => c.fullName),
    ).toEqual(['Quentin Zorro'])
  })

  it('sorts by any column in the database and pages', async () => {
    const all = await admin.candidates.list({ pageSize: 100, sort: { field: 'fullName', direction: 'asc' } })
    const names = all.items.map((c) => c.fullName)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const page2 = await admin.candidates.list({ pageSize: 2, page: 2, sort: { field: 'fullName', direction: 'asc' } })
    expect(page2.items.map((c) => c.fullName)).toEqual(names.slice(2, 4))
    expect(page2.pageCount).toBe(Math.ceil(all.total / 2))
  })
})

describe('changes are audited with before/after', () => {
  it('status changes: candidate_status_changed, any status may be set, a no-op writes nothing', async () => {
    const c = await candidateFixture(app.prisma)
    for (const [from, to] of [
      ['applied', 'screening'],
      ['screening', 'rejected'],
      ['rejected', 'applied'],
    ] as const) {
      await admin.candidates.setStatus({ id: c.id, status: to })
      const row = await app.prisma.auditLog.findFirstOrThrow({
        where: { targetId: c.id, action: 'candidate_status_changed' },
        orderBy: { timestamp: 'desc' },
      })
      expect(row.metadata).toEqual({ before: { status: from }, after: { status: to } })
      expect(row.actorId).toBe(app.ids.admin)
    }
    const count = await app.prisma.auditLog.count({ where: { targetId: c.id } })
    await admin.candidates.setStatus({ id: c.id, status: 'applied' })
    expect(await app.prisma.auditLog.count({ where: { targetId: c.id } })).toBe(count)
  })

  it('edits: candidate_updated with only the changed fields', async () => {
    const c = await candidateFixture(app.prisma, { position: 'Trainer', notes: null })
    await admin.candidates.update({ id: c.id, position: 'Team Lead', notes: 'Strong references', fullName: c.fullName })
    const row = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: c.id, action: 'candidate_updated' } })
    expect(row.metadata).toEqual({
      before: { position: 'Trainer', notes: null },
      after: { position: 'Team Lead', notes: 'Strong references' },
    })
  })

  it('create: candidate_created with what was stored', async () => {
    const c = await admin.candidates.create({
      ...base,
      email: 'audited.candidate@example.com',
      phone: '(415) 555-0177',
    })
    const row = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: c.id, action: 'candidate_created' } })
    expect(row.metadata).toMatchObject({
      after: { email: 'audited.candidate@example.com', phone: '+14155550177', status: 'applied' },
    })
  })
})

describe('rejecting or hiring with interviews ahead (product.md, Candidates)', () => {
  /** A candidate with two scheduled interviews, one in progress, and a completed and a cancelled one in the past. */
  async function candidateWithInterviews(status: 'interviewed' | 'screening' = 'interviewed') {
    const c = await candidateFixture(app.prisma, { status })
    const open = [
      await interviewFixture(app.prisma, { candidateId: c.id }),
      await interviewFixture(app.prisma, { candidateId: c.id }),
      await interviewFixture(app.prisma, { candidateId: c.id, status: 'in_progress', scheduledAt: pastSlot() }),
    ]
    const closed = [
      await interviewFixture(app.prisma, { candidateId: c.id, status: 'completed', score: 8, scheduledAt: pastSlot() }),
      await interviewFixture(app.prisma, { candidateId: c.id, status: 'cancelled', scheduledAt: pastSlot() }),
    ]
    return { c, open, closed }
  }
  const statuses = async (ids: string[]) =>
    (await app.prisma.interview.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } })).map((i) => i.status)

  it('rejecting a candidate can cancel their scheduled interviews in the same step, each audited', async () => {
    const { c, open, closed } = await candidateWithInterviews()
    const result = await admin.candidates.setStatus({ id: c.id, status: 'rejected', cancelInterviews: true })
    expect(result).toMatchObject({ status: 'rejected', interviewsCancelled: 3 })
    expect(await statuses(open.map((i) => i.id))).toEqual(['cancelled', 'cancelled', 'cancelled'])
    expect(await statuses(closed.map((i) => i.id)).then((s) => s.sort())).toEqual(['cancelled', 'completed'])
    const statusRow = await app.prisma.auditLog.findFirstOrThrow({
      where: { targetId: c.id, action: 'candidate_status_changed' },
    })
    expect(statusRow.metadata).toEqual({ before: { status: 'interviewed' }, after: { status: 'rejected' } })
    const rows = await app.prisma.auditLog.findMany({
      where: { targetId: { in: [...open, ...closed].map((i) => i.id) } },
    })
    expect(rows.map((r) => [r.action, r.targetId, r.metadata]).sort()).toEqual(
      [
        ['interview_status_changed', open[0]!.id, { before: { status: 'scheduled' }, after: { status: 'cancelled' } }],
        ['interview_status_changed', open[1]!.id, { before: { status: 'scheduled' }, after: { status: 'cancelled' } }],
        [
          'interview_status_changed',
          open[2]!.id,
          { before: { status: 'in_progress' }, after: { status: 'cancelled' } },
        ],
      ].sort(),
    )
    // The freed slots can be booked again.
    await expect(
      admin.interviews.schedule({
        candidateId: c.id,
        interviewerName: open[0]!.interviewerName,
        scheduledAt: open[0]!.scheduledAt,
        interviewType: 'video',
      }),
    ).resolves.toBeDefined()
  })

  it('hiring can cancel them too; without asking, a status change leaves their interviews as they were', async () => {
    const hired = await candidateWithInterviews()
    await expect(
      admin.candidates.setStatus({ id: hired.c.id, status: 'hired', cancelInterviews: true }),
    ).resolves.toMatchObject({ status: 'hired', interviewsCancelled: 3 })
    const kept = await candidateWithInterviews()
    await expect(admin.candidates.setStatus({ id: kept.c.id, status: 'rejected' })).resolves.toMatchObject({
      status: 'rejected',
      interviewsCancelled: 0,
    })
    await admin.candidates.setStatus({ id: kept.c.id, status: 'hired', cancelInterviews: false })
    expect(await statuses(kept.open.map((i) => i.id)).then((s) => s.sort())).toEqual([
      'in_progress',
      'scheduled',
      'scheduled',
    ])
    expect(
      await app.prisma.auditLog.count({
        where: { action: 'interview_status_changed', targetId: { in: kept.open.map((i) => i.id) } },
      }),
    ).toBe(0)
  })

  it('interviews are cancelled with a status change only when the candidate is rejected or hired', async () => {
    const { c, open } = await candidateWithInterviews()
    const refused = await failure(admin.candidates.setStatus({ id: c.id, status: 'screening', cancelInterviews: true }))
    expect(refused?.code).toBe('BAD_REQUEST')
    expect(JSON.stringify(refused?.cause)).toContain('cancelInterviews')
    expect((await app.prisma.candidate.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('interviewed')
    expect(await statuses(open.map((i) => i.id)).then((s) => s.sort())).toEqual([
      'in_progress',
      'scheduled',
      'scheduled',
    ])
  })

  it('rejecting while colleagues book and reschedule the same candidate never deadlocks; no interview is left open', async () => {
    const { c, open } = await candidateWithInterviews()
    const [rejecter, booker, mover] = await Promise.all([
      app.callerFor(DEMO.admin),
      app.callerFor(DEMO.manager),
      app.callerFor(DEMO.manager),
    ])
    const results = await Promise.allSettled([
      mover.interviews.update({ id: open[0]!.id, scheduledAt: freeSlot() }),
      booker.interviews.schedule({
        candidateId: c.id,
        interviewerName: 'Race Panel',
        scheduledAt: freeSlot(),
        interviewType: 'video',
      }),
      rejecter.candidates.setStatus({ id: c.id, status: 'rejected', cancelInterviews: true }),
      booker.interviews.schedule({
        candidateId: c.id,
        interviewerName: 'Race Panel Two',
        scheduledAt: freeSlot(),
        interviewType: 'video',
      }),
    ])
    // Each call either went through or was refused for a reason a person can act on (a status that moved on).
    for (const r of results) if (r.status === 'rejected') expect(['CONFLICT']).toContain((r.reason as TRPCError).code)
    expect(results[2]!.status).toBe('fulfilled')
    // Whatever committed before the rejection was cancelled by it; a booking made after it may stand.
    const left = await app.prisma.interview.findMany({
      where: { candidateId: c.id, status: { in: ['scheduled', 'in_progress'] } },
    })
    for (const i of left) expect(i.interviewerName).toMatch(/^Race Panel/)
  })
})

describe('delete', () => {
  it('removes the candidate and their interviews, audits candidate_deleted with the count', async () => {
    const c = await candidateFixture(app.prisma)
    await interviewFixture(app.prisma, { candidateId: c.id })
    await interviewFixture(app.prisma, { candidateId: c.id, status: 'completed', score: 8 })
    const result = await admin.candidates.delete({ id: c.id })
    expect(result.interviewsDeleted).toBe(2)
    expect(await app.prisma.candidate.count({ where: { id: c.id } })).toBe(0)
    expect(await app.prisma.interview.count({ where: { candidateId: c.id } })).toBe(0)
    const row = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: c.id, action: 'candidate_deleted' } })
    expect(row.metadata).toMatchObject({ before: { email: c.email }, interviewsDeleted: 2 })
    expect((await failure(admin.candidates.byId({ id: c.id })))?.code).toBe('NOT_FOUND')
  })

  it('unknown ids answer NOT_FOUND and change nothing', async () => {
    // Thunks, one call at a time: started together, a rejection not yet awaited is "unhandled".
    for (const call of [
      () => admin.candidates.delete({ id: 'nope' }),
      () => admin.candidates.update({ id: 'nope', position: 'x' }),
      () => admin.candidates.setStatus({ id: 'nope', status: 'hired' }),
    ]) {
      expect((await failure(call()))?.code).toBe('NOT_FOUND')
    }
  })
})

describe('byId', () => {
  it('lists interviews upcoming first (soonest first), then past ones (latest first)', async () => {
    const c = await candidateFixture(app.prisma)
    const day = 86_400_000
    const now = Date.now()
    for (const offset of [-2, 3, -1, 1])
      await interviewFixture(app.prisma, { candidateId: c.id, scheduledAt: new Date(now + offset * day) })
    const { interviews } = await admin.candidates.byId({ id: c.id })
    expect(interviews.map((i) => Math.round((new Date(i.scheduledAt).getTime() - now) / day))).toEqual([1, 3, -1, -2])
  })
})
