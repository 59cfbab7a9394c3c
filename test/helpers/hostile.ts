/**
 * Hostile input for the property-based tests (fast-check): huge and empty strings, unicode, control
 * characters and NUL bytes, SQL and HTML fragments, wrong types, negative, huge and fractional
 * numbers, unknown ids and ids of records that belong to someone else, and a database snapshot to
 * prove a refused request changed nothing. FUZZ_RUNS sets the runs per property, FUZZ_SEED the seed.
 */
import fc from 'fast-check'
import type { TestApp } from './app'

/** Runs per property: small in CI, as large as you like locally (`FUZZ_RUNS=2000 npm run test:db`). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 8)
/** A fixed seed, so CI sees the same cases on every run; set FUZZ_SEED to explore others. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261122)

/** Marks text a test looks for in a page: it must come back escaped, never as markup. */
export const XSS_MARKERS = ['<script>alert("gh")</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"]

const FRAGMENTS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred',
  'line\r\nbreak',
  '\t',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(10)',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '%00',
  '{{7*7}}',
  '${7*7}',
  '__proto__',
  'constructor',
  '\u202eevil',
  '\uD800',
  'ﷺ',
  '😀'.repeat(80),
  'e\u0301'.repeat(50),
  'x'.repeat(300),
  'y'.repeat(20_000),
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  'NaN',
  '-1',
  '1e309',
  'null',
  'true',
  ...XSS_MARKERS,
]

const NUMBERS = [
  0,
  -1,
  -0,
  0.5,
  1.5,
  59.999,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 63),
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.NaN,
  Infinity,
  -Infinity,
]

/** A hostile scalar: strings, numbers, booleans, null, dates (some invalid) and the given ids. */
export function hostileScalar(ids: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 3, arbitrary: ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...NUMBERS), fc.integer(), fc.double()) },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  )
}

/** A hostile value for a field: a scalar, or (less often) a list or an object of scalars. */
export function hostileValue(ids: readonly string[]): fc.Arbitrary<unknown> {
  const scalar = hostileScalar(ids)
  return fc.oneof(
    { weight: 8, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 1000, maxLength: 1001 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.constantFrom('a', 'field', 'direction', '__proto__'), scalar, { maxKeys: 3 }),
    },
  )
}

/**
 * An input for a procedure whose schema has `keys`: an object with some of those keys (and sometimes an
 * unknown one) set to hostile values, or (less often) no object at all.
 */
export function hostileInput(keys: readonly string[], ids: readonly string[]): fc.Arbitrary<unknown> {
  const value = hostileValue(ids)
  const record =
    keys.length > 0 ? fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }) : fc.constant({})
  return fc.oneof(
    { weight: 8, arbitrary: record },
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.constantFrom('extra', 'id', 'userId'), value)
        .map(([r, k, v]) => ({ ...(r as object), [k]: v })),
    },
    { weight: 1, arbitrary: hostileScalar(ids) },
  )
}

/**
 * A fingerprint of everything a request could change: users, overrides, candidates, interviews,
 * calls, which sessions exist, and the audit log (without `login_failed`, which a refused sign-in
 * records on purpose). Session activity timestamps are left out: reading a page renews them.
 */
export async function databaseFingerprint(app: TestApp): Promise<string> {
  const rows = await app.prisma.$queryRawUnsafe<Array<{ fingerprint: string }>>(`
    SELECT md5(concat_ws('|',
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM users t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.user_id, t.page_name), '')) FROM user_page_access t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM candidates t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM interviews t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM calls t),
      (SELECT md5(coalesce(string_agg(t.id || ':' || t.user_id, ',' ORDER BY t.id), '')) FROM sessions t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM audit_logs t WHERE t.action <> 'login_failed')
    )) AS fingerprint`)
  return rows[0]!.fingerprint
}

/** Ids of records in the test database, of every kind: real targets for hostile calls. */
export async function knownIds(app: TestApp): Promise<string[]> {
  const [users, candidates, interviews, calls, sessions] = await Promise.all([
    app.prisma.user.findMany({ select: { id: true }, take: 10 }),
    app.prisma.candidate.findMany({ select: { id: true }, take: 5 }),
    app.prisma.interview.findMany({ select: { id: true }, take: 5 }),
    app.prisma.call.findMany({ select: { id: true }, take: 5 }),
    app.prisma.session.findMany({ select: { id: true }, take: 5 }),
  ])
  return [...users, ...candidates, ...interviews, ...calls, ...sessions].map((r) => r.id)
}
