/**
 * Every procedure through createCaller as each role (role defaults, no overrides): allowed ones
 * succeed, the others throw FORBIDDEN; signed out, everything but auth.login throws UNAUTHORIZED.
 * The test walks appRouter, so a new procedure without a case or a permission declaration fails here.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller, appRouter } from '#server/routers/_app.ts'
import type { Role } from '#shared/permissions/policy.ts'
import { DEMO, setupTestApp, TEST_PASSWORD, type TestApp } from '#test/helpers/app.ts'

let app: TestApp
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
})
afterAll(() => app?.close())

type Caller = ReturnType<typeof createCaller>
let n = 0
const unique = () => `${Date.now()}-${++n}`

/** How to call each procedure with valid input; fixtures are created fresh so each call can succeed. */
const CASES: Record<string, (c: Caller, role: Role) => Promise<unknown>> = {
  'auth.login': (c) => c.auth.login({ email: DEMO.viewer, password: TEST_PASSWORD }),
  'auth.logout': (c) => c.auth.logout(),
  'auth.me': (c) => c.auth.me(),
  'users.list': (c) => c.users.list({}),
  'users.byId': (c) => c.users.byId({ id: app.ids.viewer }),
  'users.create': (c) => c.users.create({ email: `new-${unique()}@example.com`, fullName: 'New Person', role: 'viewer', password: 'a-long-password-1' }),
  'users.update': async (c) => c.users.update({ id: (await app.createUser({ email: `u-${unique()}@example.com`, role: 'viewer' })).id, fullName: 'Renamed' }),
  'users.setActive': async (c) => c.users.setActive({ id: (await app.createUser({ email: `a-${unique()}@example.com`, role: 'viewer' })).id, active: false }),
  'users.delete': async (c) => c.users.delete({ id: (await app.createUser({ email: `d-${unique()}@example.com`, role: 'viewer' })).id }),
  'permissions.matrix': (c) => c.permissions.matrix({}),
  'permissions.set': (c) => c.permissions.set({ userId: app.ids.viewer, page: 'calls', access: n++ % 2 ? 'allow' : 'inherit' }),
  'permissions.explain': (c) => c.permissions.explain({ userId: app.ids.agent }),
  'sessions.mine': (c) => c.sessions.mine(),
  'sessions.revoke': async (c, role) => {
    const token = await app.sessionToken(DEMO[role])
    const ctx = await app.ctxWithToken(token)
    return c.sessions.revoke({ id: ctx.session!.id })
  },
  'sessions.revokeOthers': (c) => c.sessions.revokeOthers(),
  'sessions.forUser': (c) => c.sessions.forUser({ userId: app.ids.agent }),
  'sessions.revokeAllForUser': async (c) => c.sessions.revokeAllForUser({ userId: (await app.createUser({ email: `s-${unique()}@example.com`, role: 'viewer' })).id }),
  'dashboard.summary': (c) => c.dashboard.summary(),
  'audit.list': (c) => c.audit.list({}),
}

/** Which roles may call each procedure under role defaults (product.md, Permissions tables + §6). */
const ALLOWED: Record<string, Role[] | 'public'> = {
  'auth.login': 'public',
  'auth.logout': ['admin', 'manager', 'agent', 'viewer'],
  'auth.me': ['admin', 'manager', 'agent', 'viewer'],
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
  'dashboard.summary': ['admin', 'manager', 'agent', 'viewer'],
  'audit.list': ['admin', 'manager', 'agent', 'viewer'],
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { requires?: unknown } } }>)

describe('procedure declarations', () => {
  it('every procedure declares what it needs; only auth.login is public', () => {
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.requires).map(([path]) => path)
    expect(undeclared).toEqual([])
    const publicOnes = procedures.filter(([, p]) => (p._def.meta?.requires as { public?: boolean }).public).map(([path]) => path)
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
      const error = await call.then(() => null, (e: unknown) => e)
      expect(error).toBeInstanceOf(TRPCError)
      expect((error as TRPCError).code).toBe('FORBIDDEN')
    }
  })
})

describe('signed out', () => {
  it.each(Object.keys(CASES).filter((p) => p !== 'auth.login'))('%s throws UNAUTHORIZED', async (path) => {
    const caller = createCaller(await app.ctxWithToken(null))
    const error = await CASES[path]!(caller, 'viewer').then(() => null, (e: unknown) => e)
    expect((error as TRPCError).code).toBe('UNAUTHORIZED')
  })
})
