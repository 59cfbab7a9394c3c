/**
 * Bad input on every procedure that takes input: BAD_REQUEST with field messages and no change
 * to the database (product.md, Errors).
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { databaseFingerprint } from '#test/helpers/hostile.ts'

let app: TestApp
let admin: ReturnType<typeof createCaller>
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  admin = await app.callerFor(DEMO.admin)
})
afterAll(() => app?.close())

const snapshot = () => databaseFingerprint(app)

type Case = [name: string, call: () => Promise<unknown>, fields: string[]]
const cases = (): Case[] => [
  [
    'auth.login: not an email',
    () => createCaller({ ...adminCtx, user: null, session: null }).auth.login({ email: 'nope', password: '' }),
    ['email', 'password'],
  ],
  ['users.list: page size over 100', () => admin.users.list({ pageSize: 500 }), ['pageSize']],
  [
    'users.list: unknown role and sort field',
    () => admin.users.list({ role: 'wizard' as never, sort: { field: 'passwordHash' as never, direction: 'asc' } }),
    ['role', 'sort'],
  ],
  ['users.list: page 0', () => admin.users.list({ page: 0 }), ['page']],
  ['users.byId: empty id', () => admin.users.byId({ id: '' }), ['id']],
  [
    'users.create: everything wrong',
    () => admin.users.create({ email: 'x@', fullName: ' ', role: 'boss' as never, password: 'short' }),
    ['email', 'fullName', 'role', 'password'],
  ],
  [
    'users.create: name too long',
    () =>
      admin.users.create({
        email: 'long@example.com',
        fullName: 'x'.repeat(101),
        role: 'viewer',
        password: 'long-enough-password',
      }),
    ['fullName'],
  ],
  [
    'users.update: bad email and short password',
    () => admin.users.update({ id: app.ids.viewer, email: 'bad', password: 'short' }),
    ['email', 'password'],
  ],
  [
    'users.setActive: not a boolean',
    () => admin.users.setActive({ id: app.ids.viewer, active: 'no' as never }),
    ['active'],
  ],
  ['users.delete: missing id', () => admin.users.delete({} as never), ['id']],
  ['permissions.matrix: page size over 100', () => admin.permissions.matrix({ pageSize: 1000 }), ['pageSize']],
  [
    'permissions.set: unknown page and state',
    () => admin.permissions.set({ userId: app.ids.viewer, page: 'billing' as never, access: 'maybe' as never }),
    ['page', 'access'],
  ],
  ['permissions.explain: missing user', () => admin.permissions.explain({} as never), ['userId']],
  ['sessions.revoke: missing id', () => admin.sessions.revoke({} as never), ['id']],
  ['sessions.forUser: missing user', () => admin.sessions.forUser({} as never), ['userId']],
  ['sessions.revokeAllForUser: missing user', () => admin.sessions.revokeAllForUser({} as never), ['userId']],
  [
    'audit.list: from after to, limit over 100',
    () => admin.audit.list({ from: new Date('2026-02-01'), to: new Date('2026-01-01'), limit: 1000 }),
    ['from', 'limit'],
  ],
  ['audit.list: unknown target', () => admin.audit.list({ target: 'galaxy' as never }), ['target']],
  ['audit.actors: search too long', () => admin.audit.actors({ search: 'a'.repeat(101) }), ['search']],
  ['audit.export: target id with spaces, from after to', () => admin.audit.export({ targetId: 'a b' }), ['targetId']],
  [
    'auth.updateProfile: empty name, bad email',
    () => admin.auth.updateProfile({ fullName: '', email: 'nope' }),
    ['fullName', 'email'],
  ],
  [
    'auth.changePassword: short new password',
    () => admin.auth.changePassword({ currentPassword: 'x', newPassword: 'short' }),
    ['newPassword'],
  ],
  [
    'auth.passwordStrength: a password over 256 characters',
    () => admin.auth.passwordStrength({ password: 'p'.repeat(257) }),
    ['password'],
  ],
  [
    'users.create: a guessable password (zxcvbn score under 3)',
    () =>
      admin.users.create({
        email: 'weak@example.com',
        fullName: 'Weak Password',
        role: 'viewer',
        password: 'password1234',
      }),
    ['password'],
  ],
  [
    'users.create: the password is the email',
    () =>
      admin.users.create({
        email: 'same@example.com',
        fullName: 'Same Person',
        role: 'viewer',
        password: 'same@example.com',
      }),
    ['password'],
  ],
  [
    'audit.list: unknown action, NUL in the target id',
    () => admin.audit.list({ action: 'drop_table' as never, targetId: 'a\u0000b' }),
    ['action', 'targetId'],
  ],
  [
    'candidates.list: unknown status and sort, huge page',
    () =>
      admin.candidates.list({
        status: 'ghosted' as never,
        sort: { field: 'notes' as never, direction: 'up' as never },
        page: 1e9,
      }),
    ['status', 'sort', 'page'],
  ],
  ['candidates.byId: an id with spaces', () => admin.candidates.byId({ id: 'a b' }), ['id']],
  [
    'candidates.create: everything wrong',
    () =>
      admin.candidates.create({
        fullName: '',
        email: 'x',
        position: 'p'.repeat(101),
        phone: 'call me',
        resumeUrl: 'javascript:alert(1)',
        notes: 'n'.repeat(5001),
        status: 'king' as never,
      }),
    ['fullName', 'email', 'position', 'phone', 'resumeUrl', 'notes', 'status'],
  ],
  [
    'candidates.create: control characters',
    () => admin.candidates.create({ fullName: 'A\u0007B', email: 'ctl@example.com', position: 'Agent\nLead' }),
    ['fullName', 'position'],
  ],
  [
    'candidates.update: bad phone and email',
    () => admin.candidates.update({ id: candidateId, phone: '12', email: 'not-email' }),
    ['phone', 'email'],
  ],
  [
    'candidates.setStatus: unknown status',
    () => admin.candidates.setStatus({ id: candidateId, status: 'promoted' as never }),
    ['status'],
  ],
  ['candidates.delete: missing id', () => admin.candidates.delete({} as never), ['id']],
  [
    'candidates.export: unknown sort',
    () => admin.candidates.export({ sort: { field: 'password' as never, direction: 'asc' } }),
    ['sort'],
  ],
  [
    'interviews.list: to before from',
    () => admin.interviews.list({ from: new Date('2030-02-01'), to: new Date('2030-01-01') }),
    ['from'],
  ],
  [
    'interviews.list: unknown type, page size 0',
    () => admin.interviews.list({ interviewType: 'party' as never, pageSize: 0 }),
    ['interviewType', 'pageSize'],
  ],
  [
    'interviews.calendar: over 31 days',
    () => admin.interviews.calendar({ from: new Date('2030-01-01'), to: new Date('2030-03-01') }),
    ['to'],
  ],
  ['interviews.byId: empty id', () => admin.interviews.byId({ id: '' }), ['id']],
  [
    'interviews.interviewers: search too long',
    () => admin.interviews.interviewers({ search: 's'.repeat(101) }),
    ['search'],
  ],
  [
    'interviews.candidateOptions: NUL in search',
    () => admin.interviews.candidateOptions({ search: '\u0000' }),
    ['search'],
  ],
  [
    'interviews.schedule: everything wrong',
    () =>
      admin.interviews.schedule({
        candidateId: '',
        scheduledAt: 'never' as never,
        durationMins: 0,
        interviewType: 'party' as never,
        notes: 'x'.repeat(5001),
      }),
    ['candidateId', 'scheduledAt', 'durationMins', 'interviewType', 'notes'],
  ],
  [
    'interviews.schedule: absurd duration and year',
    () =>
      admin.interviews.schedule({
        candidateId,
        interviewerName: 'Someone',
        scheduledAt: new Date('9999-01-01'),
        durationMins: 100_000,
        interviewType: 'video',
      }),
    ['scheduledAt', 'durationMins'],
  ],
  [
    'interviews.update: fractional duration',
    () => admin.interviews.update({ id: 'x', durationMins: 12.5 }),
    ['durationMins'],
  ],
  [
    'interviews.setStatus: unknown status',
    () => admin.interviews.setStatus({ id: 'x', status: 'paused' as never }),
    ['status'],
  ],
  ['interviews.score: 11', () => admin.interviews.score({ id: 'x', score: 11 }), ['score']],
  ['interviews.delete: missing id', () => admin.interviews.delete({} as never), ['id']],
  ['interviews.export: unknown status', () => admin.interviews.export({ status: 'late' as never }), ['status']],
  [
    'calls.list: unknown direction and outcome, important not a boolean',
    () => admin.calls.list({ direction: 'sideways' as never, outcome: 'fax' as never, isImportant: 'maybe' as never }),
    ['direction', 'outcome', 'isImportant'],
  ],
  ['calls.byId: id too long', () => admin.calls.byId({ id: 'x'.repeat(65) }), ['id']],
  [
    'calls.candidateOptions: search with a line break',
    () => admin.calls.candidateOptions({ search: 'a\nb' }),
    ['search'],
  ],
  [
    'calls.log: bad number, future time, absurd duration, unknown enums, huge notes',
    () =>
      admin.calls.log({
        callerName: '',
        callerNumber: 'call me',
        direction: 'fax' as never,
        outcome: 'lost' as never,
        durationSecs: 1e9,
        calledAt: new Date(Date.now() + 86_400_000),
        notes: 'n'.repeat(5001),
      }),
    ['callerName', 'callerNumber', 'direction', 'outcome', 'durationSecs', 'calledAt', 'notes'],
  ],
  [
    'calls.log: negative and fractional durations',
    () =>
      admin.calls.log({
        callerName: 'A',
        callerNumber: '+14155550100',
        direction: 'inbound',
        outcome: 'answered',
        durationSecs: -5,
      }),
    ['durationSecs'],
  ],
  [
    'calls.log: a missed call with talk time',
    () =>
      admin.calls.log({
        callerName: 'A',
        callerNumber: '+14155550100',
        direction: 'inbound',
        outcome: 'missed',
        durationSecs: '5:00',
      }),
    ['durationSecs'],
  ],
  [
    'calls.log: an inbound busy call',
    () => admin.calls.log({ callerName: 'A', callerNumber: '+14155550100', direction: 'inbound', outcome: 'busy' }),
    ['outcome'],
  ],
  [
    'calls.update: duration as nonsense text',
    () => admin.calls.update({ id: 'x', durationSecs: 'a while' }),
    ['durationSecs'],
  ],
  [
    'calls.setImportant: not a boolean',
    () => admin.calls.setImportant({ id: 'x', isImportant: 'yes please' as never }),
    ['isImportant'],
  ],
  ['calls.delete: missing id', () => admin.calls.delete({} as never), ['id']],
  [
    'calls.export: from after to',
    () => admin.calls.export({ from: new Date('2026-02-01'), to: new Date('2026-01-01') }),
    ['from'],
  ],
]
let adminCtx: Awaited<ReturnType<TestApp['ctxFor']>>
let candidateId = ''

describe('bad input', () => {
  beforeAll(async () => {
    adminCtx = await app.ctxFor(DEMO.admin)
    candidateId = (await app.prisma.candidate.findFirstOrThrow()).id
  })

  it('covers every procedure that takes input', async () => {
    const { appRouter } = await import('#server/routers/_app.ts')
    const procs = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>
    const withInput = Object.entries(procs)
      .filter(([, p]) => p._def.inputs.length > 0)
      .map(([path]) => path)
    const covered = new Set(cases().map(([name]) => name.split(':')[0]))
    expect(withInput.filter((p) => !covered.has(p))).toEqual([])
  })

  it.each(cases().map((c) => [c[0], c] as const))(
    '%s -> BAD_REQUEST with field messages, nothing changes',
    async (_name, [, call, fields]) => {
      const before = await snapshot()
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(TRPCError)
      expect((error as TRPCError).code).toBe('BAD_REQUEST')
      const shape = (await import('#server/errors.server.ts')).fieldErrorsFrom((error as TRPCError).cause)
      expect(Object.keys(shape ?? {}).sort()).toEqual([...fields].sort())
      for (const field of fields) expect(shape![field]![0]).toMatch(/\w/)
      expect(await snapshot()).toBe(before)
    },
  )

  it('a duplicate email is a CONFLICT on the email field, whatever its case', async () => {
    const before = await snapshot()
    const e = await admin.users
      .create({ email: 'VIEWER@gatehouse.test', fullName: 'Dup', role: 'viewer', password: 'long-enough-password' })
      .catch((x: TRPCError) => x)
    expect((e as TRPCError).code).toBe('CONFLICT')
    const { fieldErrorsFrom } = await import('#server/errors.server.ts')
    expect(fieldErrorsFrom((e as TRPCError).cause)).toEqual({ email: ['A user with this email already exists.'] })
    expect(await snapshot()).toBe(before)

    const u = await admin.users.update({ id: app.ids.agent, email: 'Viewer@Gatehouse.test' }).catch((x: TRPCError) => x)
    expect((u as TRPCError).code).toBe('CONFLICT')
    expect(fieldErrorsFrom((u as TRPCError).cause)).toEqual({ email: ['A user with this email already exists.'] })
    expect(await snapshot()).toBe(before)
  })

  it('the database itself refuses a mixed-case email (CHECK constraint)', async () => {
    await expect(app.createUser({ email: 'Mixed@Example.com', role: 'viewer' })).rejects.toThrow()
  })
})
