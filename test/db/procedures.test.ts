/**
 * Every procedure through createCaller as each role (role defaults, no overrides): allowed ones
 * succeed, the others throw FORBIDDEN; signed out, everything but auth.login throws UNAUTHORIZED.
 * The test walks appRouter, so a new procedure without a case or a permission declaration fails here.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller, appRouter } from '#server/routers/_app.ts'
import type { Role } from '#shared/permissions/policy.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { procedureCases } from '#test/helpers/procedure-cases.ts'

let app: TestApp
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
})
afterAll(() => app?.close())

const CASES = procedureCases(() => app)

/** Which roles may call each procedure under role defaults (product.md, Permissions tables + §6). */
const ALLOWED: Record<string, Role[] | 'public'> = {
  'auth.login': 'public',
  'auth.logout': ['admin', 'manager', 'agent', 'viewer'],
  'auth.me': ['admin', 'manager', 'agent', 'viewer'],
  'auth.passwordStrength': ['admin', 'manager', 'agent', 'viewer'],
  'auth.updateProfile': ['admin', 'manager', 'agent', 'viewer'],
  'auth.changePassword': ['admin', 'manager', 'agent', 'viewer'],
  'users.list': ['admin'],
  'users.byId': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.setActive': ['admin'],
  'users.delete': ['admin'],
  'permissions.matrix': ['admin'],
  'permissions.set': ['admin'],
  'permissions.explain': ['admin'],
  'sessions.mine': ['admin', 'manager', 'agent', 'viewer'],
  'sessions.revoke': ['admin', 'manager', 'agent', 'viewer'],
  'sessions.revokeOthers': ['admin', 'manager', 'agent', 'viewer'],
  'sessions.forUser': ['admin'],
  'sessions.revokeAllForUser': ['admin'],
  'candidates.list': ['admin', 'manager'],
  'candidates.positions': ['admin', 'manager'],
  'candidates.byId': ['admin', 'manager'],
  'candidates.create': ['admin', 'manager'],
  'candidates.update': ['admin', 'manager'],
  'candidates.setStatus': ['admin', 'manager'],
  'candidates.delete': ['admin', 'manager'],
  'candidates.export': ['admin', 'manager'],
  'interviews.list': ['admin', 'manager', 'agent'],
  'interviews.calendar': ['admin', 'manager', 'agent'],
  'interviews.byId': ['admin', 'manager', 'agent'],
  'interviews.interviewers': ['admin', 'manager', 'agent'],
  'interviews.candidateOptions': ['admin', 'manager', 'agent'],
  'interviews.schedule': ['admin', 'manager', 'agent'],
  'interviews.update': ['admin', 'manager', 'agent'],
  'interviews.setStatus': ['admin', 'manager', 'agent'],
  'interviews.score': ['admin', 'manager', 'agent'],
  'interviews.delete': ['admin', 'manager'],
  'interviews.export': ['admin', 'manager'],
  'calls.list': ['admin', 'manager', 'agent'],
  'calls.byId': ['admin', 'manager', 'agent'],
  'calls.candidateOptions': ['admin', 'manager', 'agent'],
  'calls.log': ['admin', 'manager', 'agent'],
  'calls.update': ['admin', 'manager', 'agent'],
  'calls.setImportant': ['admin', 'manager', 'agent'],
  'calls.delete': ['admin', 'manager'],
  'calls.export': ['admin', 'manager'],
  'dashboard.summary': ['admin', 'manager', 'agent', 'viewer'],
  'audit.list': ['admin', 'manager', 'agent', 'viewer'],
  'audit.actors': ['admin', 'manager', 'agent', 'viewer'],
  'audit.export': ['admin'],
}

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { requires?: unknown } } }>,
)

describe('procedure declarations', () => {
  it('every procedure declares what it needs; only auth.login is public', () => {
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.requires).map(([path]) => path)
    expect(undeclared).toEqual([])
    const publicOnes = procedures
      .filter(([, p]) => (p._def.meta?.requires as { public?: boolean }).public)
      .map(([path]) => path)
    expect(publicOnes).toEqual(['auth.login'])
  })

  it('every procedure has a case in this test', () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(Object.keys(CASES).sort())
    expect(Object.keys(ALLOWED).sort()).toEqual(Object.keys(CASES).sort())
  })
})

describe.each(['admin', 'manager', 'agent', 'viewer'] as const)('as %s', (role) => {
  it.each(Object.keys(CASES))('%s', async (path) => {
    const caller = createCaller(await app.ctxFor(DEMO[role]))
    const allowed = ALLOWED[path] === 'public' || (ALLOWED[path] as Role[]).includes(role)
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

describe('signed out', () => {
  it.each(Object.keys(CASES).filter((p) => p !== 'auth.login'))('%s throws UNAUTHORIZED', async (path) => {
    const caller = createCaller(await app.ctxWithToken(null))
    const error = await CASES[path]!(caller, 'viewer').then(
      () => null,
      (e: unknown) => e,
    )
    expect((error as TRPCError).code).toBe('UNAUTHORIZED')
  })
})
