/**
 * Privilege escalation (product.md, Permissions: rules that always hold), as one table of
 * (actor, target, procedure) -> expected outcome. Non-admin actors hold user_management through an
 * override, the strongest position a non-admin can have. Each row gets a fresh target so rows do not
 * depend on each other; a refused row must leave the target untouched.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createCaller } from '#server/routers/_app.ts'
import type { Role } from '#shared/permissions/policy.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'

type Caller = ReturnType<typeof createCaller>
type Actor = 'admin' | 'manager' | 'agent'
/** A role for a fresh user, or `self` (the actor's own account). */
type Target = Role | 'self'
type Expected = 'ok' | 'FORBIDDEN' | 'NOT_FOUND'

const STRONG_PASSWORD = 'quiet lantern harbour 42'
let app: TestApp
const callers = {} as Record<Actor, Caller>
let n = 0

beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  await app.prisma.userPageAccess.createMany({
    data: [
      { userId: app.ids.manager, pageName: 'user_management', hasAccess: true },
      { userId: app.ids.agent, pageName: 'user_management', hasAccess: true },
    ],
  })
  for (const actor of ['admin', 'manager', 'agent'] as const) callers[actor] = await app.callerFor(DEMO[actor])
})
afterAll(() => app?.close())

interface TargetUser {
  id: string
  role: Role
}

async function targetFor(actor: Actor, target: Target): Promise<TargetUser> {
  if (target === 'self') return { id: app.ids[actor], role: actor }
  return app.createUser({ email: `target-${++n}@example.com`, role: target })
}

/** A live session of `user`, made the way a sign-in makes one. */
async function sessionOf(user: TargetUser): Promise<string> {
  const ctx = await app.ctxWithToken(
    await app.sessionToken((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email),
  )
  return ctx.session!.id
}

const PROCEDURES: Record<string, (c: Caller, t: TargetUser) => Promise<unknown>> = {
  'users.byId': (c, t) => c.users.byId({ id: t.id }),
  'users.update (name)': (c, t) => c.users.update({ id: t.id, fullName: 'Changed Name' }),
  'users.update (role to viewer)': (c, t) =>
    c.users.update({ id: t.id, role: t.role === 'viewer' ? 'agent' : 'viewer' }),
  'users.update (password)': (c, t) => c.users.update({ id: t.id, password: STRONG_PASSWORD }),
  'users.setActive (off)': (c, t) => c.users.setActive({ id: t.id, active: false }),
  'users.delete': (c, t) => c.users.delete({ id: t.id }),
  'users.create (same role as target)': (c, t) =>
    c.users.create({
      email: `made-${++n}@example.com`,
      fullName: 'Made Person',
      role: t.role,
      password: STRONG_PASSWORD,
    }),
  'permissions.set': (c, t) => c.permissions.set({ userId: t.id, page: 'calls', access: 'deny' }),
  'sessions.forUser': (c, t) => c.sessions.forUser({ userId: t.id }),
  'sessions.revokeAllForUser': (c, t) => c.sessions.revokeAllForUser({ userId: t.id }),
  'sessions.revoke (their session)': async (c, t) => c.sessions.revoke({ id: await sessionOf(t) }),
}

const F = 'FORBIDDEN' as const
const N = 'NOT_FOUND' as const
/**
 * Expected outcome per (actor, target) for each procedure, in PROCEDURES order. The rules: admins
 * manage everyone but cannot deactivate or delete themselves; a non-admin with user_management reads
 * everyone, changes only users below their own role (never a role, never overrides), never sees or
 * ends anyone else's sessions (someone else's session id is NOT_FOUND, as if it did not exist), and
 * never changes their own account through user management.
 */
const TABLE: Array<[Actor, Target, Expected[]]> = [
  //                      byId  name  role  pass  off   del   create perm  forUsr revAll revoke
  ['admin', 'admin', ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  ['admin', 'viewer', ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  ['admin', 'self', ['ok', 'ok', F, 'ok', F, F, 'ok', 'ok', 'ok', 'ok', 'ok']],
  ['manager', 'admin', ['ok', F, F, F, F, F, F, F, F, F, N]],
  ['manager', 'manager', ['ok', F, F, F, F, F, F, F, F, F, N]],
  ['manager', 'agent', ['ok', 'ok', F, 'ok', 'ok', 'ok', 'ok', F, F, F, N]],
  ['manager', 'viewer', ['ok', 'ok', F, 'ok', 'ok', 'ok', 'ok', F, F, F, N]],
  ['manager', 'self', ['ok', F, F, F, F, F, F, F, F, F, 'ok']],
  ['agent', 'admin', ['ok', F, F, F, F, F, F, F, F, F, N]],
  ['agent', 'manager', ['ok', F, F, F, F, F, F, F, F, F, N]],
  ['agent', 'agent', ['ok', F, F, F, F, F, F, F, F, F, N]],
  ['agent', 'viewer', ['ok', 'ok', F, 'ok', 'ok', F, 'ok', F, F, F, N]],
  ['agent', 'self', ['ok', F, F, F, F, F, F, F, F, F, 'ok']],
]

/** What a refused call must not have changed: the target's row, overrides and sessions. */
async function stateOf(id: string) {
  const [user, overrides, sessions] = await Promise.all([
    app.prisma.user.findUnique({
      where: { id },
      select: { fullName: true, role: true, active: true, passwordHash: true },
    }),
    app.prisma.userPageAccess.findMany({ where: { userId: id }, orderBy: { pageName: 'asc' } }),
    app.prisma.session.findMany({ where: { userId: id }, select: { id: true }, orderBy: { id: 'asc' } }),
  ])
  return { user, overrides, sessions }
}

describe('privilege escalation table', () => {
  const names = Object.keys(PROCEDURES)
  for (const [actor, target, expected] of TABLE) {
    it(`${actor} -> ${target}: ${names.map((p, i) => `${p}=${expected[i]}`).join(', ')}`, async () => {
      expect(expected).toHaveLength(names.length)
      for (const [i, name] of names.entries()) {
        // The admin row about itself must not sign the test's own admin out for the next rows.
        const t = await targetFor(actor, target)
        if (actor === 'admin' && target === 'self' && name.startsWith('sessions.revokeAll')) continue
        const before = await stateOf(t.id)
        const outcome = await PROCEDURES[name]!(callers[actor], t).then(
          () => 'ok' as const,
          (e: unknown) => (e instanceof TRPCError ? e.code : (e as Error).message),
        )
        expect(outcome, `${actor} -> ${target}: ${name}`).toBe(expected[i])
        if (outcome !== 'ok') {
          const after = await stateOf(t.id)
          // A refused revoke still created the session it tried to end; compare everything else.
          expect({ ...after, sessions: undefined }, `${name} changed nothing`).toEqual({
            ...before,
            sessions: undefined,
          })
          expect(after.sessions.length, `${name} ended no session`).toBeGreaterThanOrEqual(before.sessions.length)
        }
      }
      // Keep the actor signed in for the following rows (revoking one's own session ends it).
      callers[actor] = await app.callerFor(DEMO[actor])
    })
  }

  it("someone else's session id and an id that never existed get the same answer", async () => {
    const victim = await targetFor('manager', 'admin')
    const real = await PROCEDURES['sessions.revoke (their session)']!(callers.manager, victim).catch(
      (e: TRPCError) => ({ code: e.code, message: e.message }),
    )
    const made = await callers.manager.sessions
      .revoke({ id: 'x'.repeat(64) })
      .catch((e: TRPCError) => ({ code: e.code, message: e.message }))
    expect(real).toEqual(made)
  })
})

/**
 * Interview scores (product.md, Permissions: interview scores) as (actor, whose interview) -> outcome:
 * an agent scores the interviews they conduct, never a colleague's or an outside interviewer's;
 * managers and admins score any. A refused score leaves the score and the log as they were.
 */
describe('interview score escalation table', () => {
  type Whose = 'own' | 'colleague' | 'outside'
  const SCORE_TABLE: Array<[Actor, Whose, Expected]> = [
    ['admin', 'own', 'ok'],
    ['admin', 'colleague', 'ok'],
    ['admin', 'outside', 'ok'],
    ['manager', 'own', 'ok'],
    ['manager', 'colleague', 'ok'],
    ['manager', 'outside', 'ok'],
    ['agent', 'own', 'ok'],
    ['agent', 'colleague', F],
    ['agent', 'outside', F],
  ]
  it.each(SCORE_TABLE)('%s scoring a %s interview: %s', async (actor, whose, expected) => {
    const candidate = await app.prisma.candidate.create({
      data: { fullName: 'Scored Candidate', email: `scored-${++n}@example.com`, position: 'Support Agent' },
    })
    const colleague = await app.createUser({ email: `colleague-${++n}@example.com`, role: 'agent' })
    const interviewer =
      whose === 'own'
        ? { interviewerId: app.ids[actor], interviewerName: actor }
        : whose === 'colleague'
          ? { interviewerId: colleague.id, interviewerName: 'Colleague' }
          : { interviewerId: null, interviewerName: 'Outside Panel' }
    const interview = await app.prisma.interview.create({
      data: {
        candidateId: candidate.id,
        ...interviewer,
        scheduledAt: new Date(Date.UTC(2022, 0, 1 + n)),
        durationMins: 60,
        interviewType: 'video',
        status: 'completed',
        score: 9,
        scoreComment: 'Kept.',
      },
    })
    const outcome = await callers[actor].interviews
      .score({ id: interview.id, score: 1, scoreComment: 'Replaced.' })
      .then(
        () => 'ok' as const,
        (e: unknown) => (e instanceof TRPCError ? e.code : (e as Error).message),
      )
    expect(outcome).toBe(expected)
    const after = await app.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })
    expect([after.score, after.scoreComment]).toEqual(expected === 'ok' ? [1, 'Replaced.'] : [9, 'Kept.'])
    expect(await app.prisma.auditLog.count({ where: { targetId: interview.id } })).toBe(expected === 'ok' ? 1 : 0)
  })
})
