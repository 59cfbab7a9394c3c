/**
 * Property-based abuse test over every procedure (product.md, Security baseline: bad input): hostile
 * inputs (test/helpers/hostile.ts) sent to every procedure of appRouter as every role and signed
 * out, each call a fresh request context built from a real session cookie. For every case: no
 * INTERNAL_SERVER_ERROR, and a refused call changed nothing in the database. Fixed seed in CI;
 * FUZZ_RUNS=… for longer runs.
 */
import fc from 'fast-check'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as z from 'zod/mini'
import { appRouter, createCaller } from '#server/routers/_app.ts'
import type { Role } from '#shared/permissions/policy.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { databaseFingerprint, FUZZ_RUNS, FUZZ_SEED, hostileInput, knownIds } from '#test/helpers/hostile.ts'

type Who = Role | 'signed out'
const WHO: Who[] = ['admin', 'manager', 'agent', 'viewer', 'signed out']

let app: TestApp
let ids: string[]
const tokens = new Map<Who, string>()
let cases = 0

beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  await app.prisma.userPageAccess.create({
    data: { userId: app.ids.manager, pageName: 'user_management', hasAccess: true },
  })
  // Records of every kind, but never the four actors themselves: deleting an actor would end the test's coverage of that role.
  const actors = new Set(Object.values(app.ids))
  ids = (await knownIds(app)).filter((id) => !actors.has(id))
})
afterAll(async () => {
  console.info(`fuzz: ${cases} procedure calls (FUZZ_RUNS=${FUZZ_RUNS}, seed ${FUZZ_SEED})`)
  await app?.close()
})

/** A request context for `who`, signing in again if an earlier case ended the session. */
async function contextFor(who: Who) {
  if (who === 'signed out') return app.ctxWithToken(null, '10.20.0.1')
  let ctx = tokens.has(who) ? await app.ctxWithToken(tokens.get(who)!) : null
  if (!ctx?.user) {
    tokens.set(who, await app.sessionToken(DEMO[who]))
    ctx = await app.ctxWithToken(tokens.get(who)!)
  }
  return ctx
}

type ProcedureDef = { _def: { type: string; inputs: z.ZodMiniType[] } }
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>)

/** The top-level keys of a procedure's input schema (empty for procedures without input). */
function inputKeys(def: ProcedureDef): string[] {
  const schema = def._def.inputs[0] as
    { shape?: Record<string, unknown>; def?: { type?: string; in?: { shape?: Record<string, unknown> } } } | undefined
  const shape = schema?.shape ?? schema?.def?.in?.shape
  return shape ? Object.keys(shape) : []
}

/** Calls `path` with `input` through createCaller over `ctx`, as tRPC would route it. */
async function call(ctx: Awaited<ReturnType<typeof contextFor>>, path: string, input: unknown): Promise<unknown> {
  const caller = createCaller(ctx) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>
  const [router, name] = path.split('.') as [string, string]
  const result = await caller[router]![name]!(input)
  // Exports return a stream of batches: read one so the query behind it runs.
  const rows = (result as { rows?: AsyncIterable<unknown> } | null)?.rows
  if (rows && Symbol.asyncIterator in rows) for await (const _ of rows) break
  return result
}

describe('hostile input to every procedure, as every role', () => {
  it('walks every procedure of appRouter', () => {
    expect(procedures.length).toBeGreaterThan(50)
  })

  for (const [path, def] of procedures) {
    it(`${path}: never an internal error; a refusal changes nothing`, async () => {
      const keys = inputKeys(def)
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...WHO), hostileInput(keys, ids), async (who, input) => {
          cases++
          const ctx = await contextFor(who)
          const before = await databaseFingerprint(app)
          const outcome = await call(ctx, path, input).then(
            () => null,
            (e: unknown) => e,
          )
          if (outcome === null) return
          if (!(outcome instanceof TRPCError))
            throw new Error(`${path} as ${who} threw a non-tRPC error: ${String(outcome)}`)
          if (outcome.code === 'INTERNAL_SERVER_ERROR')
            throw new Error(`${path} as ${who} failed internally: ${outcome.cause?.message ?? outcome.message}`)
          expect(
            await databaseFingerprint(app),
            `${path} as ${who} refused with ${outcome.code} but changed the database`,
          ).toBe(before)
        }),
        { numRuns: FUZZ_RUNS * WHO.length, seed: FUZZ_SEED, endOnFailure: true },
      )
    })
  }
})
