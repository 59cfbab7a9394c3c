/**
 * Calls (product.md, Calls): numbers typed in any format are stored as E.164 and found by any part
 * typed in any format; durations as m:ss or seconds; times never in the future; a direction and an
 * outcome that cannot contradict each other (only answered calls and voicemails have a duration, busy
 * is outbound only: refused at the field by the procedures, and by the database); the log's filters
 * and sorts; every change audited (the important flag as a call_updated with the flag before/after);
 * deleting a candidate keeps their calls, unlinked.
 */
import { TRPCError } from '@trpc/server'
import { fieldErrorsFrom } from '#server/errors.server.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { callFixture, candidateFixture } from '#test/helpers/fixtures.ts'

let app: TestApp
let agent: ReturnType<typeof createCaller>
let manager: ReturnType<typeof createCaller>
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  agent = await app.callerFor(DEMO.agent)
  manager = await app.callerFor(DEMO.manager)
})
afterAll(() => app?.close())

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  )
const base = { callerName: 'Noah Caller', direction: 'inbound', outcome: 'answered' } as const
const fieldsOf = (e: TRPCError | null) => (e ? fieldErrorsFrom(e.cause) : null)

describe('numbers', () => {
  it.each([
    ['(415) 555-0134', '+14155550134'],
    ['415-555-0134', '+14155550134'],
    ['+1 415 555 0134', '+14155550134'],
    ['011 44 20 7946 0958', '+442079460958'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+33 1 42 68 53 00', '+33142685300'],
    ['+81 90-1234-5678', '+819012345678'],
  ])('%s is stored as %s', async (typed, e164) => {
    expect((await agent.calls.log({ ...base, callerNumber: typed })).callerNumber).toBe(e164)
  })

  it.each(['555 0134', 'call me maybe', '+1 2', ''])('refuses %j', async (typed) => {
    expect((await failure(agent.calls.log({ ...base, callerNumber: typed })))?.code).toBe('BAD_REQUEST')
  })

  it('search finds a number by any part, typed in any format, and names in any case', async () => {
    const call = await callFixture(app.prisma, { callerName: 'Searchable Sam', callerNumber: '+14155550177' })
    for (const search of ['555 0177', '555-0177', '+1 (415) 555', '4155550177', '0177', 'SEARCHABLE sam']) {
      const { items } = await agent.calls.list({ search, pageSize: 100 })
      expect(
        items.map((c) => c.id),
        search,
      ).toContain(call.id)
    }
    expect((await agent.calls.list({ search: '999 9999' })).items.map((c) => c.id)).not.toContain(call.id)
  })
})

describe('durations and times', () => {
  it.each([
    ['4:05', 245],
    ['245', 245],
    ['1:00:00', 3600],
    [90, 90],
    [0, 0],
  ] as const)('%j is stored as %i seconds', async (typed, secs) => {
    expect((await agent.calls.log({ ...base, callerNumber: '+14155550101', durationSecs: typed })).durationSecs).toBe(
      secs,
    )
  })

  it.each([-1, 86_401, 12.5, '1:75', 'soon', '-0:10'])('refuses %j', async (typed) => {
    expect(
      (await failure(agent.calls.log({ ...base, callerNumber: '+14155550101', durationSecs: typed as never })))?.code,
    ).toBe('BAD_REQUEST')
  })

  it('defaults the time to now and refuses the future', async () => {
    const before = Date.now()
    const call = await agent.calls.log({ ...base, callerNumber: '+14155550102' })
    expect(call.calledAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(call.calledAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    const future = await failure(
      agent.calls.log({ ...base, callerNumber: '+14155550102', calledAt: new Date(Date.now() + 3_600_000) }),
    )
    expect(future?.code).toBe('BAD_REQUEST')
  })
})

describe('direction and outcome', () => {
  const number = '+14155550120'

  it('a missed call cannot have talk time', async () => {
    const before = await app.prisma.call.count()
    for (const outcome of ['missed', 'busy'] as const) {
      const e = await failure(
        agent.calls.log({ ...base, direction: 'outbound', outcome, callerNumber: number, durationSecs: '0:30' }),
      )
      expect(e?.code, outcome).toBe('BAD_REQUEST')
      expect(fieldsOf(e), outcome).toEqual({
        durationSecs: [`A ${outcome} call has no talk time: set the duration to 0, or choose Answered or Voicemail.`],
      })
    }
    expect(await app.prisma.call.count()).toBe(before)
    const missed = await agent.calls.log({ ...base, outcome: 'missed', callerNumber: number })
    expect(missed).toMatchObject({ direction: 'inbound', outcome: 'missed', durationSecs: 0 })
  })

  it('an answered 5:00 missed call is refused, whichever way a script sends it', async () => {
    expect(
      fieldsOf(await failure(agent.calls.log({ ...base, outcome: 'missed', callerNumber: number, durationSecs: 300 }))),
    ).toEqual({
      durationSecs: ['A missed call has no talk time: set the duration to 0, or choose Answered or Voicemail.'],
    })
    // An answered call of 5:00 turned into a missed one without clearing the duration; then a missed call given 5:00.
    const answered = await agent.calls.log({ ...base, callerNumber: number, durationSecs: '5:00' })
    const relabel = await failure(agent.calls.update({ id: answered.id, outcome: 'missed' }))
    expect(relabel?.code).toBe('BAD_REQUEST')
    expect(Object.keys(fieldsOf(relabel) ?? {})).toEqual(['durationSecs'])
    const missed = await agent.calls.log({ ...base, outcome: 'missed', callerNumber: number })
    expect(
      Object.keys(fieldsOf(await failure(agent.calls.update({ id: missed.id, durationSecs: '5:00' }))) ?? {}),
    ).toEqual(['durationSecs'])
    expect(await app.prisma.call.findUniqueOrThrow({ where: { id: answered.id } })).toMatchObject({
      outcome: 'answered',
      durationSecs: 300,
    })
    expect(
      await app.prisma.auditLog.count({
        where: { targetId: { in: [answered.id, missed.id] }, action: 'call_updated' },
      }),
    ).toBe(0)
    // Both in one edit is what the rules ask for.
    expect(await agent.calls.update({ id: answered.id, outcome: 'missed', durationSecs: 0 })).toMatchObject({
      outcome: 'missed',
      durationSecs: 0,
    })
  })

  it('an inbound call is never busy; an outbound one can be', async () => {
    const e = await failure(agent.calls.log({ ...base, outcome: 'busy', callerNumber: number }))
    expect(e?.code).toBe('BAD_REQUEST')
    expect(Object.keys(fieldsOf(e) ?? {})).toEqual(['outcome'])
    const busy = await agent.calls.log({ ...base, direction: 'outbound', outcome: 'busy', callerNumber: number })
    expect(
      Object.keys(fieldsOf(await failure(agent.calls.update({ id: busy.id, direction: 'inbound' }))) ?? {}),
    ).toEqual(['outcome'])
  })

  it('a voicemail keeps the length of its message, in either direction', async () => {
    for (const direction of ['inbound', 'outbound'] as const) {
      expect(
        await agent.calls.log({ ...base, direction, outcome: 'voicemail', callerNumber: number, durationSecs: '0:42' }),
      ).toMatchObject({ direction, outcome: 'voicemail', durationSecs: 42 })
    }
  })

  it('the database refuses a contradiction that gets past the procedures (CHECK constraints)', async () => {
    await expect(
      callFixture(app.prisma, { direction: 'inbound', outcome: 'missed', durationSecs: 300 }),
    ).rejects.toThrow(/calls_duration_needs_answer/)
    await expect(callFixture(app.prisma, { direction: 'inbound', outcome: 'busy' })).rejects.toThrow(
      /calls_busy_is_outbound/,
    )
    const answered = await callFixture(app.prisma, { durationSecs: 300 })
    await expect(app.prisma.call.update({ where: { id: answered.id }, data: { outcome: 'missed' } })).rejects.toThrow(
      /calls_duration_needs_answer/,
    )
  })
})

describe('the log', () => {
  it('filters by direction, outcome (alone or together), important, candidate and date range, newest first', async () => {
    const c = await candidateFixture(app.prisma)
    const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12))
    const ids = [
      (await callFixture(app.prisma, { candidateId: c.id, direction: 'inbound', outcome: 'missed', calledAt: day(10) }))
        .id,
      (
        await callFixture(app.prisma, {
          candidateId: c.id,
          direction: 'outbound',
          outcome: 'busy',
          calledAt: day(11),
          isImportant: true,
        })
      ).id,
      (
        await callFixture(app.prisma, {
          candidateId: c.id,
          direction: 'inbound',
          outcome: 'answered',
          durationSecs: 300,
          calledAt: day(12),
        })
      ).id,
      (await callFixture(app.prisma, { candidateId: c.id, direction: 'outbound', outcome: 'missed', calledAt: day(9) }))
        .id,
    ]
    const list = (input: Parameters<typeof agent.calls.list>[0]) =>
      agent.calls.list({ candidateId: c.id, ...input }).then((r) => r.items.map((i) => i.id))
    expect(await list({})).toEqual([ids[2], ids[1], ids[0], ids[3]])
    expect(await list({ direction: 'inbound' })).toEqual([ids[2], ids[0]])
    expect(await list({ outcome: 'missed' })).toEqual([ids[0], ids[3]])
    expect(await list({ direction: 'inbound', outcome: 'missed' })).toEqual([ids[0]])
    expect(await list({ outcome: 'busy' })).toEqual([ids[1]])
    expect(await list({ isImportant: true })).toEqual([ids[1]])
    expect(await list({ from: day(11), to: day(12) })).toEqual([ids[1]])
    expect(await list({ sort: { field: 'durationSecs', direction: 'desc' } })).toEqual([ids[2], ids[1], ids[0], ids[3]]) // ties by time, newest first
    expect(await list({ sort: { field: 'calledAt', direction: 'asc' } })).toEqual([ids[3], ids[0], ids[1], ids[2]])
  })

  it('keeps a candidate’s calls when the candidate is deleted, without the link', async () => {
    const c = await candidateFixture(app.prisma)
    const call = await callFixture(app.prisma, { candidateId: c.id })
    await manager.candidates.delete({ id: c.id })
    expect((await app.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).candidateId).toBeNull()
  })

  it('refuses a link to a candidate that does not exist', async () => {
    expect(
      (await failure(agent.calls.log({ ...base, callerNumber: '+14155550103', candidateId: 'no-such-candidate' })))
        ?.code,
    ).toBe('BAD_REQUEST')
  })
})

describe('audit', () => {
  it('log, edit, flag and delete each write one row with before/after', async () => {
    const call = await agent.calls.log({ ...base, callerNumber: '(415) 555-0188', durationSecs: '1:00' })
    const logged = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: call.id, action: 'call_logged' } })
    expect(logged.metadata).toMatchObject({
      after: { callerNumber: '+14155550188', durationSecs: 60, isImportant: false },
    })

    await agent.calls.update({ id: call.id, notes: 'Wants a call back', durationSecs: 75 })
    const updated = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: call.id, action: 'call_updated' } })
    expect(updated.metadata).toEqual({
      before: { notes: null, durationSecs: 60 },
      after: { notes: 'Wants a call back', durationSecs: 75 },
    })

    await agent.calls.setImportant({ id: call.id, isImportant: true })
    const flagged = await app.prisma.auditLog.findMany({
      where: { targetId: call.id, action: 'call_updated' },
      orderBy: { timestamp: 'asc' },
    })
    expect(flagged.at(-1)!.metadata).toEqual({ before: { isImportant: false }, after: { isImportant: true } })
    await agent.calls.setImportant({ id: call.id, isImportant: true }) // no change, no row
    expect(await app.prisma.auditLog.count({ where: { targetId: call.id } })).toBe(3)

    await manager.calls.delete({ id: call.id })
    const deleted = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: call.id, action: 'call_deleted' } })
    expect(deleted.metadata).toMatchObject({ before: { callerName: 'Noah Caller', isImportant: true } })
  })

  it('the history shows a call’s direction and outcome, and an edit of them before and after', async () => {
    const call = await agent.calls.log({ ...base, callerNumber: '(415) 555-0189', durationSecs: '1:00' })
    const logged = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: call.id, action: 'call_logged' } })
    expect(logged.metadata).toMatchObject({ after: { direction: 'inbound', outcome: 'answered', durationSecs: 60 } })
    await agent.calls.update({ id: call.id, direction: 'outbound', outcome: 'voicemail', durationSecs: 20 })
    const updated = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: call.id, action: 'call_updated' } })
    expect(updated.metadata).toEqual({
      before: { direction: 'inbound', outcome: 'answered', durationSecs: 60 },
      after: { direction: 'outbound', outcome: 'voicemail', durationSecs: 20 },
    })
  })
})
