/**
 * Calls (product.md, Calls): numbers typed in any format are stored as E.164 and found by any part
 * typed in any format; durations as m:ss or seconds; times never in the future; the log's filters
 * and sorts; every change audited (the important flag as a call_updated with the flag before/after);
 * deleting a candidate keeps their calls, unlinked.
 */
import { TRPCError } from '@trpc/server'
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

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as TRPCError)
const base = { callerName: 'Noah Caller', callType: 'inbound', status: 'answered' } as const

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
      expect(items.map((c) => c.id), search).toContain(call.id)
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
    expect((await agent.calls.log({ ...base, callerNumber: '+14155550101', durationSecs: typed })).durationSecs).toBe(secs)
  })

  it.each([-1, 86_401, 12.5, '1:75', 'soon', '-0:10'])('refuses %j', async (typed) => {
    expect((await failure(agent.calls.log({ ...base, callerNumber: '+14155550101', durationSecs: typed as never })))?.code).toBe('BAD_REQUEST')
  })

  it('defaults the time to now and refuses the future', async () => {
    const before = Date.now()
    const call = await agent.calls.log({ ...base, callerNumber: '+14155550102' })
    expect(call.calledAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(call.calledAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    const future = await failure(agent.calls.log({ ...base, callerNumber: '+14155550102', calledAt: new Date(Date.now() + 3_600_000) }))
    expect(future?.code).toBe('BAD_REQUEST')
  })
})

describe('the log', () => {
  it('filters by type, status, important, candidate and date range, newest first', async () => {
    const c = await candidateFixture(app.prisma)
    const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12))
    const ids = [
      (await callFixture(app.prisma, { candidateId: c.id, callType: 'missed', status: 'missed', durationSecs: 0, calledAt: day(10) })).id,
      (await callFixture(app.prisma, { candidateId: c.id, callType: 'outbound', status: 'busy', durationSecs: 0, calledAt: day(11), isImportant: true })).id,
      (await callFixture(app.prisma, { candidateId: c.id, callType: 'inbound', status: 'answered', durationSecs: 300, calledAt: day(12) })).id,
    ]
    const list = (input: Parameters<typeof agent.calls.list>[0]) => agent.calls.list({ candidateId: c.id, ...input }).then((r) => r.items.map((i) => i.id))
    expect(await list({})).toEqual([ids[2], ids[1], ids[0]])
    expect(await list({ callType: 'missed' })).toEqual([ids[0]])
    expect(await list({ status: 'busy' })).toEqual([ids[1]])
    expect(await list({ isImportant: true })).toEqual([ids[1]])
    expect(await list({ from: day(11), to: day(12) })).toEqual([ids[1]])
    expect(await list({ sort: { field: 'durationSecs', direction: 'desc' } })).toEqual([ids[2], ids[1], ids[0]]) // ties by time, newest first
    expect(await list({ sort: { field: 'calledAt', direction: 'asc' } })).toEqual(ids)
  })

  it('keeps a candidate’s calls when the candidate is deleted, without the link', async () => {
    const c = await candidateFixture(app.prisma)
    const call = await callFixture(app.prisma, { candidateId: c.id })
    await manager.candidates.delete({ id: c.id })
    expect((await app.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).candidateId).toBeNull()
  })

  it('refuses a link to a candidate that does not exist', async () => {
    expect((await failure(agent.calls.log({ ...base, callerNumber: '+14155550103', candidateId: 'no-such-candidate' })))?.code).toBe('BAD_REQUEST')
  })
})

describe('audit', () => {
  it('log, edit, flag and delete each write one row with before/after', async () => {
    const call = await agent.calls.log({ ...base, callerNumber: '(415) 555-0188', durationSecs: '1:00' })
    const logged = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: call.id, action: 'call_logged' } })
    expect(logged.metadata).toMatchObject({ after: { callerNumber: '+14155550188', durationSecs: 60, isImportant: false } })

    await agent.calls.update({ id: call.id, notes: 'Wants a call back', durationSecs: 75 })
    const updated = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: call.id, action: 'call_updated' } })
    expect(updated.metadata).toEqual({ before: { notes: null, durationSecs: 60 }, after: { notes: 'Wants a call back', durationSecs: 75 } })

    await agent.calls.setImportant({ id: call.id, isImportant: true })
    const flagged = await app.prisma.auditLog.findMany({ where: { targetId: call.id, action: 'call_updated' }, orderBy: { timestamp: 'asc' } })
    expect(flagged.at(-1)!.metadata).toEqual({ before: { isImportant: false }, after: { isImportant: true } })
    await agent.calls.setImportant({ id: call.id, isImportant: true }) // no change, no row
    expect(await app.prisma.auditLog.count({ where: { targetId: call.id } })).toBe(3)

    await manager.calls.delete({ id: call.id })
    const deleted = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: call.id, action: 'call_deleted' } })
    expect(deleted.metadata).toMatchObject({ before: { callerName: 'Noah Caller', isImportant: true } })
  })
})
