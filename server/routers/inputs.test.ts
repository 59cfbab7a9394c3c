/**
 * Every input is parsed twice on purpose (docs/decisions/0022-parsed-twice.md): a form's action or a
 * list's loader parses it with the procedure's own schema, then the procedure parses that output
 * again. So each input schema must accept its own output and give it back unchanged. This walks every
 * procedure of the app router (a new one is covered without a line here) and every object schema that
 * shared/schemas/ exports (form-only ones too), generates inputs (test/helpers/schema-arbitrary.ts)
 * and checks, for each one that parses, that parsing the result gives the same value.
 */
/// <reference types="vite/client" />
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type * as z from 'zod/mini'
import { appRouter } from '#server/routers/_app.ts'
import { inputsOf } from '#test/helpers/schema-arbitrary.ts'

type Schema = z.ZodMiniType
const isSchema = (v: unknown): v is Schema =>
  typeof v === 'object' && v !== null && '_zod' in v && typeof (v as Schema).safeParse === 'function'

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>,
)
const schemaModules = import.meta.glob<Record<string, unknown>>(
  ['../../shared/schemas/*.ts', '!../../shared/schemas/*.test.ts'],
  { eager: true },
)

/** Each schema once, with the procedures and exports that use it. */
const schemas = new Map<Schema, string[]>()
const use = (schema: Schema, name: string) => schemas.set(schema, [...(schemas.get(schema) ?? []), name])
/** A parser from `pageProcedureWithConfig`: its schema is built per request from the services. */
type SchemaFactory = (phoneRegion: 'US' | 'GB', now: () => Date) => Schema
const factoryOf = (v: unknown): SchemaFactory | null =>
  typeof v === 'function' && typeof (v as { schemaFor?: unknown }).schemaFor === 'function'
    ? (v as unknown as { schemaFor: SchemaFactory }).schemaFor
    : null
const FIXED_NOW = () => new Date('2026-12-02T12:00:00Z')
for (const [path, procedure] of procedures) {
  for (const input of procedure._def.inputs) {
    if (isSchema(input)) use(input, `procedure ${path}`)
    const schemaFor = factoryOf(input)
    if (schemaFor) {
      use(schemaFor('US', FIXED_NOW), `procedure ${path}`)
      use(schemaFor('GB', FIXED_NOW), `procedure ${path} (GB)`)
    }
  }
}
for (const [file, exports] of Object.entries(schemaModules)) {
  for (const [name, value] of Object.entries(exports)) {
    // Whole inputs (objects); their fields are parsed through them.
    if (isSchema(value) && value._zod.def.type === 'object') use(value, `${file.replace('../../', '')} ${name}`)
  }
}

const password = fc.string({ minLength: 12, maxLength: 40 })
/** Inputs for schemas whose refinements random values rarely meet (by the export's name). */
const OVERRIDES: Record<string, fc.Arbitrary<unknown>> = {
  // The week view: at most 31 days.
  'procedure interviews.calendar': fc
    .tuple(
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 1, max: 31 * 86_400_000 }),
    )
    .chain(([from, ms]) =>
      fc.record({
        from: fc.constantFrom<unknown>(from, from.toISOString()),
        to: fc.constant(new Date(from.getTime() + ms)),
        status: fc.constantFrom(undefined, 'scheduled'),
      }),
    ),
  'shared/schemas/auth.ts ChangePasswordForm': fc
    .tuple(password, password)
    .map(([current, next]) => ({ currentPassword: current, newPassword: next, confirmPassword: next })),
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
const SEED = Number(process.env.FUZZ_SEED ?? 20261202)

describe('an input parsed twice is the input parsed once', () => {
  it('covers every procedure that takes input', () => {
    const covered = [...schemas.values()].flat()
    const withInput = procedures.filter(([, p]) => p._def.inputs.length > 0).map(([path]) => `procedure ${path}`)
    expect(withInput.length).toBeGreaterThan(40)
    expect(withInput.filter((p) => !covered.includes(p))).toEqual([])
  })

  it.each([...schemas].map(([schema, names]) => [names.join(', '), schema, names] as const))(
    '%s',
    (_name, schema, names) => {
      const override = names.map((n) => OVERRIDES[n]).find(Boolean)
      let parsed = 0
      fc.assert(
        fc.property(override ?? inputsOf(schema), (input) => {
          const once = schema.safeParse(input)
          if (!once.success) return
          parsed++
          const twice = schema.safeParse(once.data)
          expect(twice.error?.issues).toBeUndefined()
          expect(twice.data).toEqual(once.data)
        }),
        { numRuns: RUNS, seed: SEED },
      )
      // The generated inputs reach the schema's happy path, or the property says nothing.
      expect(parsed).toBeGreaterThan(0)
    },
  )
})
