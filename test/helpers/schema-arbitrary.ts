/**
 * Inputs a zod schema accepts, for property tests (fast-check): built from the schema's JSON Schema
 * (`z.toJSONSchema(schema, { io: 'input' })`), so a new schema or procedure needs no new code, with
 * hand-written arbitraries by field name where JSON Schema cannot say what is valid (phone numbers,
 * emails, links, durations: their checks are transforms or refinements). Values are *likely* valid,
 * not certainly: refinements (`from` before `to`, one of two fields) still refuse some, and a test
 * keeps only what parses.
 */
import fc from 'fast-check'
import * as z from 'zod/mini'

/** A JSON Schema node, as much of it as zod writes for our schemas. */
interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  default?: unknown
}

/** Blank padding around typed text (trimmed by the schemas). */
const pad = fc.constantFrom('', '', ' ', '  ', '\t', '\n')

/** Text as people type it: letters, digits, punctuation, accents, emoji, at times padded or blank. */
function text(min: number, max: number): fc.Arbitrary<string> {
  const bound = Math.min(max, Math.max(min, 40))
  const core = fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: bound }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: bound }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: bound }) },
    // Text at the length limit, where a change of length would show.
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('a', 'é', 'ß', '😀', ' ')
        .map((c) => c.repeat(Math.ceil(max / c.length)).slice(0, max)),
    },
  )
  return fc.tuple(pad, core, pad).map(([a, b, c]) => a + b + c)
}

/** Dates between 1900 and 2200, as a Date or as the ISO text a query string carries. */
const dateLike = fc
  .date({ min: new Date('1900-01-02T00:00:00Z'), max: new Date('2199-12-30T00:00:00Z'), noInvalidDate: true })
  .chain((d) =>
    fc.constantFrom<unknown>(d, d.toISOString(), d.toISOString().slice(0, 10), new Date(Date.now() - 3_600_000)),
  )

const phones = fc.constantFrom(
  '+1 415 555 0134',
  '(415) 555-0134',
  '415.555.0134',
  '+44 20 7946 0958',
  '+14155550134',
  ' +1 (212) 555-0199 ',
  '020 7946 0958',
  '+49 30 901820',
  '',
)

const emails = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(
      pad,
      fc.constantFrom('Ada', 'ada.lovelace', 'SAM_RIVERA', 'x+tag'),
      fc.constantFrom('Example.COM', 'gatehouse.test', 'mail.co.uk'),
      pad,
    )
    .map(([a, u, d, b]) => `${a}${u}@${d}${b}`),
)

/** Links: http(s) with paths that a URL parser rewrites (spaces, accents), at times near 2048 characters. */
const links = fc.oneof(
  fc.constantFrom('', 'https://example.com', 'HTTP://Example.com/cv.pdf', ' https://example.com/a b '),
  fc
    .tuple(
      fc.constantFrom('http://', 'https://'),
      fc.constantFrom('example.com', 'EXAMPLE.org', 'cv.gatehouse.test'),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
    )
    .map(([s, h, p]) => `${s}${h}/${p}`),
  fc
    .tuple(fc.constantFrom('é', ' ', 'a', '%', '😀'), fc.integer({ min: 1900, max: 2040 }))
    .map(([c, n]) => `https://example.com/${c.repeat(n)}`.slice(0, 2048)),
)

const durations = fc.oneof(
  fc.integer({ min: 0, max: 86_400 }),
  fc.integer({ min: 0, max: 86_400 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
    .map(([m, s]) => `${m}:${String(s).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m, s]) => `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`),
)

/** Arbitraries by field name, for fields whose JSON Schema does not say what is valid. */
export const FIELD_ARBITRARIES: Record<string, fc.Arbitrary<unknown>> = {
  phone: fc.oneof(phones, fc.constant(null)),
  callerNumber: phones,
  email: emails,
  resumeUrl: fc.oneof(links, fc.constant(null)),
  durationSecs: durations,
}

/** An arbitrary for one JSON Schema node; `name` is the property it describes, if any. */
function fromJsonSchema(node: JsonSchema, name?: string): fc.Arbitrary<unknown> {
  if (name && FIELD_ARBITRARIES[name]) return FIELD_ARBITRARIES[name]
  if ('const' in node) return fc.constant(node.const)
  if (node.enum) return fc.constantFrom(...node.enum)
  const alternatives = node.anyOf ?? node.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromJsonSchema(a, name)))
  if (node.allOf?.length) return fromJsonSchema(Object.assign({}, ...node.allOf) as JsonSchema, name)
  const type = Array.isArray(node.type) ? node.type[0] : node.type
  switch (type) {
    case 'object': {
      const props = node.properties ?? {}
      const required = node.required ?? []
      const record = Object.fromEntries(Object.entries(props).map(([key, child]) => [key, fromJsonSchema(child, key)]))
      return fc.record(record, { requiredKeys: required.filter((k) => k in props) })
    }
    case 'array':
      return fc.array(node.items ? fromJsonSchema(node.items) : fc.anything(), {
        minLength: node.minItems ?? 0,
        maxLength: Math.min(node.maxItems ?? 5, 5),
      })
    case 'string': {
      if (node.format === 'date-time') return dateLike
      const min = node.minLength ?? 0
      const max = node.maxLength ?? 200
      if (node.pattern)
        return fc.stringMatching(new RegExp(node.pattern)).filter((s) => s.length >= min && s.length <= max)
      return text(min, max)
    }
    case 'integer':
    case 'number': {
      const min = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : -1_000_000)
      const max = node.maximum ?? (node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - 1 : 1_000_000)
      const n =
        type === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true })
      // Query strings and forms send numbers as text; `z.coerce` reads both.
      return fc.oneof(n, n.map(String))
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return fc.constant(undefined)
  }
}

/**
 * Likely-valid inputs of `schema` (see the module comment). Dates (which JSON Schema cannot
 * represent) are generated as Dates and as ISO text.
 */
export function inputsOf(schema: z.ZodMiniType): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' })
    },
  }) as JsonSchema
  return fromJsonSchema(json)
}
