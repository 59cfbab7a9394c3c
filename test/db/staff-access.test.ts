/**
 * The staff procedures (candidates, interviews, calls) under overrides that grant and deny their page
 * (product.md, Permissions: overrides and actions). The page and action each procedure needs are typed
 * in here from product.md, independently of the routers; an override changes page access only, the
 * role still decides the actions. Allowed calls succeed; refused ones are FORBIDDEN.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import type { Page, Role } from '#shared/permissions/policy.ts'
import { setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { candidateFixture, interviewFixture, pastSlot } from '#test/helpers/fixtures.ts'
import { procedureCases } from '#test/helpers/procedure-cases.ts'

/** What each staff procedure needs (product.md, Candidates / Interviews). */
const NEEDS: Record<string, [Page, 'read' | 'create' | 'update' | 'delete' | 'export']> = {
  'candidates.list': ['candidates', 'read'],
  'candidates.positions': ['candidates', 'read'],
  'candidates.byId': ['candidates', 'read'],
  'candidates.create': ['candidates', 'create'],
  'candidates.update': ['candidates', 'update'],
  'candidates.setStatus': ['candidates', 'update'], // with cancelInterviews also interviews/update: see below
  'candidates.delete': ['candidates', 'delete'],
  'candidates.export': ['candidates', 'export'],
  'interviews.list': ['interviews', 'read'],
  'interviews.calendar': ['interviews', 'read'],
  'interviews.byId': ['interviews', 'read'],
  'interviews.interviewers': ['interviews', 'read'],
  'interviews.candidateOptions': ['interviews', 'read'],
  'interviews.schedule': ['interviews', 'create'],
  'interviews.update': ['interviews', 'update'],
  'interviews.setStatus': ['interviews', 'update'],
  'interviews.score': ['interviews', 'update'], // and the interview's own interviewer unless manager or admin: see the case and below
  'interviews.delete': ['interviews', 'delete'],
  'interviews.export': ['interviews', 'export'],
  'calls.list': ['calls', 'read'],
  'calls.byId': ['calls', 'read'],
  'calls.candidateOptions': ['calls', 'read'],
  'calls.log': ['calls', 'create'],
  'calls.update': ['calls', 'update'],
  'calls.setImportant': ['calls', 'update'],
  'calls.delete': ['calls', 'delete'],
  'calls.export': ['calls', 'export'],
}
const ROLE_ACTIONS: Record<Role, string[]> = {
  admin: ['read', 'create', 'update', 'delete', 'export'],
  manager: ['read', 'create', 'update', 'delete', 'export'],
  agent: ['read', 'create', 'update'],
  viewer: ['read'],
}
/** (role, page, override): the override decides the page, so it alone decides whether any call can pass. */
const SCENARIOS: Array<{ role: Role; page: Page; hasAccess: boolean }> = [
  { role: 'agent', page: 'candidates', hasAccess: true },
  { role: 'viewer', page: 'candidates', hasAccess: true },
  { role: 'manager', page: 'candidates', hasAccess: false },
  { role: 'viewer', page: 'interviews', hasAccess: true },
  { role: 'agent', page: 'interviews', hasAccess: false },
  { role: 'admin', page: 'interviews', hasAccess: false },
  { role: 'viewer', page: 'calls', hasAccess: true }, // the demo viewer: read-only calls
  { role: 'agent', page: 'calls', hasAccess: false },
  { role: 'manager', page: 'calls', hasAccess: true },
]

let app: TestApp
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
})
afterAll(() => app?.close())
const CASES = procedureCases(() => app)

describe.each(SCENARIOS)('$role with $page override has_access=$hasAccess', ({ role, page, hasAccess }) => {
  let caller: ReturnType<typeof createCaller>
  beforeAll(async () => {
    const user = await app.createUser({ email: `${role}-${page}-${hasAccess}@example.com`, role })
    await app.prisma.userPageAccess.create({ data: { userId: user.id, pageName: page, hasAccess } })
    caller = createCaller(await app.ctxFor(user.email))
  })

  it.each(Object.keys(NEEDS).filter((p) => NEEDS[p]![0] === page))('%s', async (path) => {
    const [, action] = NEEDS[path]!
    const allowed = hasAccess && ROLE_ACTIONS[role].includes(action)
    const call = CASES[path]!(caller, role)
    if (allowed) {
      await expect(call).resolves.toBeDefined()
    } else {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(TRPCError)
      expect((error as TRPCError).code).toBe('FORBIDDEN')
    }
  })
})

describe('changes that reach past their own page', () => {
  it('cancelling interviews with a status change needs update on interviews: a manager denied interviews is refused and nothing changes', async () => {
    const user = await app.createUser({ email: 'manager-no-interviews@example.com', role: 'manager' })
    await app.prisma.userPageAccess.create({ data: { userId: user.id, pageName: 'interviews', hasAccess: false } })
    const caller = createCaller(await app.ctxFor(user.email))
    const candidate = await candidateFixture(app.prisma, { status: 'interviewed' })
    const interview = await interviewFixture(app.prisma, { candidateId: candidate.id })
    const error = await caller.candidates
      .setStatus({ id: candidate.id, status: 'rejected', cancelInterviews: true })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect((error as TRPCError).code).toBe('FORBIDDEN')
    expect((await app.prisma.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).status).toBe('interviewed')
    expect((await app.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('scheduled')
    // Without cancelling, the status change is theirs to make.
    await expect(caller.candidates.setStatus({ id: candidate.id, status: 'rejected' })).resolves.toMatchObject({
      status: 'rejected',
      interviewsCancelled: 0,
    })
  })

  it('an agent allowed candidates still scores only their own interviews', async () => {
    const user = await app.createUser({ email: 'agent-scores@example.com', role: 'agent' })
    await app.prisma.userPageAccess.create({ data: { userId: user.id, pageName: 'candidates', hasAccess: true } })
    const caller = createCaller(await app.ctxFor(user.email))
    const theirs = await interviewFixture(app.prisma, {
      status: 'completed',
      scheduledAt: pastSlot(),
      interviewerId: user.id,
      interviewerName: 'Agent Scores',
    })
    const colleagues = await interviewFixture(app.prisma, {
      status: 'completed',
      scheduledAt: pastSlot(),
      interviewerId: app.ids.manager,
      interviewerName: 'Morgan Manager',
      score: 9,
    })
    await expect(caller.interviews.score({ id: theirs.id, score: 6 })).resolves.toMatchObject({ score: 6 })
    const error = await caller.interviews.score({ id: colleagues.id, score: 1 }).then(
      () => null,
      (e: unknown) => e,
    )
    expect((error as TRPCError).code).toBe('FORBIDDEN')
    expect((await app.prisma.interview.findUniqueOrThrow({ where: { id: colleagues.id } })).score).toBe(9)
  })
})
