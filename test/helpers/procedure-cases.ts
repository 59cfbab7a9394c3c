/**
 * How to call each procedure with valid input, as any role: fixtures are created fresh for every call
 * so each call can succeed. Shared by the tests that walk every procedure.
 */
import type { createCaller } from '#server/routers/_app.ts'
import type { Role } from '#shared/permissions/policy.ts'
import { DEMO, TEST_PASSWORD, type TestApp } from './app'
import { callFixture, candidateFixture, freeSlot, interviewFixture, pastSlot } from './fixtures'

type Caller = ReturnType<typeof createCaller>
let n = 0
const unique = () => `${Date.now()}-${++n}`

/** How to call each procedure with valid input; fixtures are created fresh so each call can succeed. */
export function procedureCases(getApp: () => TestApp): Record<string, (c: Caller, role: Role) => Promise<unknown>> {
  const app = new Proxy({} as TestApp, { get: (_, key) => getApp()[key as keyof TestApp] })
  return {
    'auth.login': (c) => c.auth.login({ email: DEMO.viewer, password: TEST_PASSWORD }),
    'auth.logout': (c) => c.auth.logout(),
    'auth.me': (c) => c.auth.me(),
    'auth.passwordStrength': (c) => c.auth.passwordStrength({ password: 'quiet lantern harbour 42' }),
    'auth.updateProfile': async (c) => {
      const { user } = await c.auth.me()
      return c.auth.updateProfile({ fullName: user.fullName, email: user.email })
    },
    'auth.changePassword': async (c) => {
      // Change it and change it back, so the demo account keeps its password for the other cases.
      await c.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'a temporary passphrase' })
      return c.auth.changePassword({ currentPassword: 'a temporary passphrase', newPassword: TEST_PASSWORD })
    },
    'users.list': (c) => c.users.list({}),
    'users.byId': (c) => c.users.byId({ id: app.ids.viewer }),
    'users.create': (c) =>
      c.users.create({
        email: `new-${unique()}@example.com`,
        fullName: 'New Person',
        role: 'viewer',
        password: 'a-long-password-1',
      }),
    'users.update': async (c) =>
      c.users.update({
        id: (await app.createUser({ email: `u-${unique()}@example.com`, role: 'viewer' })).id,
        fullName: 'Renamed',
      }),
    'users.setActive': async (c) =>
      c.users.setActive({
        id: (await app.createUser({ email: `a-${unique()}@example.com`, role: 'viewer' })).id,
        active: false,
      }),
    'users.delete': async (c) =>
      c.users.delete({ id: (await app.createUser({ email: `d-${unique()}@example.com`, role: 'viewer' })).id }),
    'permissions.matrix': (c) => c.permissions.matrix({}),
    'permissions.set': (c) =>
      c.permissions.set({ userId: app.ids.viewer, page: 'calls', access: n++ % 2 ? 'allow' : 'inherit' }),
    'permissions.explain': (c) => c.permissions.explain({ userId: app.ids.agent }),
    'sessions.mine': (c) => c.sessions.mine(),
    'sessions.revoke': async (c, role) => {
      const token = await app.sessionToken(DEMO[role])
      const ctx = await app.ctxWithToken(token)
      return c.sessions.revoke({ id: ctx.session!.id })
    },
    'sessions.revokeOthers': (c) => c.sessions.revokeOthers(),
    'sessions.forUser': (c) => c.sessions.forUser({ userId: app.ids.agent }),
    'sessions.revokeAllForUser': async (c) =>
      c.sessions.revokeAllForUser({
        userId: (await app.createUser({ email: `s-${unique()}@example.com`, role: 'viewer' })).id,
      }),
    'candidates.list': (c) => c.candidates.list({}),
    'candidates.positions': (c) => c.candidates.positions(),
    'candidates.byId': async (c) => c.candidates.byId({ id: (await candidateFixture(app.prisma)).id }),
    'candidates.create': (c) =>
      c.candidates.create({ fullName: 'New Candidate', email: `cand-${unique()}@example.com`, position: 'Recruiter' }),
    'candidates.update': async (c) =>
      c.candidates.update({ id: (await candidateFixture(app.prisma)).id, position: 'Trainer' }),
    'candidates.setStatus': async (c) => {
      // Rejecting someone with an interview ahead, cancelling it in the same step (needs update on interviews too).
      const candidate = await candidateFixture(app.prisma)
      await interviewFixture(app.prisma, { candidateId: candidate.id })
      return c.candidates.setStatus({ id: candidate.id, status: 'rejected', cancelInterviews: true })
    },
    'candidates.delete': async (c) => c.candidates.delete({ id: (await candidateFixture(app.prisma)).id }),
    'candidates.export': async (c) => {
      const { rows } = await c.candidates.export({})
      for await (const _ of rows) break
      return rows
    },
    'interviews.list': (c) => c.interviews.list({}),
    'interviews.calendar': (c) => c.interviews.calendar({ from: new Date('2031-03-02'), to: new Date('2031-03-09') }),
    'interviews.byId': async (c) => c.interviews.byId({ id: (await interviewFixture(app.prisma)).id }),
    'interviews.interviewers': (c) => c.interviews.interviewers({}),
    'interviews.candidateOptions': (c) => c.interviews.candidateOptions({}),
    'interviews.schedule': async (c) =>
      c.interviews.schedule({
        candidateId: (await candidateFixture(app.prisma)).id,
        interviewerName: `Outside ${unique()}`,
        scheduledAt: freeSlot(),
        interviewType: 'onsite',
      }),
    'interviews.update': async (c) =>
      c.interviews.update({ id: (await interviewFixture(app.prisma)).id, durationMins: 45 }),
    'interviews.setStatus': async (c) =>
      c.interviews.setStatus({
        id: (await interviewFixture(app.prisma, { scheduledAt: pastSlot() })).id,
        status: 'in_progress',
      }),
    'interviews.score': async (c) => {
      // The caller's own interview: agents score the interviews they conduct, managers and admins any.
      const { user } = await c.auth.me()
      const interview = await interviewFixture(app.prisma, {
        status: 'completed',
        scheduledAt: pastSlot(),
        interviewerId: user.id,
        interviewerName: user.fullName,
      })
      return c.interviews.score({ id: interview.id, score: 7, scoreComment: 'Solid answers.' })
    },
    'interviews.delete': async (c) => c.interviews.delete({ id: (await interviewFixture(app.prisma)).id }),
    'interviews.export': async (c) => (await c.interviews.export({})).total,
    'calls.list': (c) => c.calls.list({}),
    'calls.byId': async (c) => c.calls.byId({ id: (await callFixture(app.prisma)).id }),
    'calls.candidateOptions': (c) => c.calls.candidateOptions({}),
    'calls.log': (c) =>
      c.calls.log({
        callerName: 'Caller',
        callerNumber: '(415) 555-0155',
        direction: 'inbound',
        outcome: 'answered',
        durationSecs: '2:05',
      }),
    'calls.update': async (c) => c.calls.update({ id: (await callFixture(app.prisma)).id, notes: 'Called back' }),
    'calls.setImportant': async (c) =>
      c.calls.setImportant({ id: (await callFixture(app.prisma)).id, isImportant: true }),
    'calls.delete': async (c) => c.calls.delete({ id: (await callFixture(app.prisma)).id }),
    'calls.export': async (c) => (await c.calls.export({})).total,
    'dashboard.summary': (c) => c.dashboard.summary(),
    'audit.list': (c) => c.audit.list({}),
    'audit.actors': (c) => c.audit.actors({}),
    'audit.export': async (c) => (await c.audit.export({})).total,
  }
}
