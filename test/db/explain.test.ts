/**
 * Every list filter and sort answers from an index (product.md, Performance), checked on PostgreSQL
 * (TEST_DATABASE_URL; CI's second pass) with the `--scale 10k` dataset: each list procedure runs for
 * real, every SQL statement it sends to a big table is captured from Prisma's query log and run
 * under EXPLAIN ANALYZE, and no scan of a big table may examine more than MAX_EXAMINED rows (a
 * sequential scan, or an index that does not narrow the query, reads far more). Timings (the audit
 * log's deep keyset pages) belong to `npm run bench:http`, not here. The dashboard's charts read
 * index ranges (days, as many rows as those days hold) and its cards count up to the lists' cap;
 * candidates by status reads the whole status index by design: its check is that no big table is
 * read by a sequential scan. The same captured query log shows a signed-in request's one round trip
 * before its own queries.
 */
import fs from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE_NAME } from '#server/auth/session.server.ts'
import { createContext } from '#server/context.server.ts'
import { createAdapterFactory } from '#server/db-adapter.server.ts'
import { PrismaClient } from '#server/generated/prisma/client.ts'
import { createCaller } from '#server/routers/_app.ts'
import { seedScale } from '#server/seed-scale.server.ts'
import { createServices, type Services } from '#server/services.server.ts'
import { DEMO, GENEROUS_LIMITS, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { limit } from '#test/helpers/wait.ts'

const BIG_TABLES = ['users', 'candidates', 'interviews', 'calls', 'audit_logs']
/**
 * Rows one list statement may examine on the 10k dataset (100,000 calls, 100,000 audit entries): a
 * page, and a count capped at 1,001 read along the list's order, which for a 5%-selective search
 * (one surname in twenty) is ~20,000 rows, the same at any table size. A scan no index narrows
 * reads the whole table (100,000) and fails.
 */
const MAX_EXAMINED = 25_000
const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

interface Captured {
  query: string
  params: unknown[]
}

describe.runIf(onPostgres)('list queries on the 10k dataset use indexes', () => {
  let app: TestApp
  let services: Services
  let prisma: PrismaClient
  let client: pg.Client
  let caller: ReturnType<typeof createCaller>
  const captured: Captured[] = []
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    app = await setupTestApp()
    const { passwordHash } = await app.prisma.user.findUniqueOrThrow({
      where: { email: DEMO.admin },
      select: { passwordHash: true },
    })
    await seedScale(app.prisma, '10k', passwordHash)
    const handle = await createAdapterFactory({ databaseUrl: app.databaseUrl })
    prisma = new PrismaClient({ adapter: handle.factory, log: [{ emit: 'event', level: 'query' }] })
    prisma.$on('query' as never, (e: { query: string; params: string }) =>
      captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }),
    )
    services = await createServices({
      database: { prisma, kind: 'postgres', close: () => prisma.$disconnect() },
      databaseUrl: app.databaseUrl,
      config: { secureCookies: false, rateLimits: GENEROUS_LIMITS },
    })
    const token = await app.sessionToken(DEMO.admin)
    caller = createCaller(
      await createContext(services, {
        headers: new Headers({ cookie: `${SESSION_COOKIE_NAME}=${token}` }),
        ip: '127.0.0.1',
      }),
    )
    client = new pg.Client({ connectionString: app.databaseUrl })
    await client.connect()
    ids.interviewer = 'scale-u-0000011'
    ids.candidate = 'scale-c-0000042'
    ids.actor = 'scale-u-0000021'
    const { rows } = await client.query(
      'SELECT timestamp, id FROM audit_logs ORDER BY timestamp DESC, id DESC OFFSET (SELECT (count(*) * 0.9)::int FROM audit_logs) LIMIT 1',
    )
    const deep = rows[0] as { timestamp: Date; id: string }
    ids.deepCursor = Buffer.from(`${deep.timestamp.toISOString()}|${deep.id}|older`).toString('base64url')
    ids.deepCursorNewer = Buffer.from(`${deep.timestamp.toISOString()}|${deep.id}|newer`).toString('base64url')
  }, limit(600_000))

  afterAll(async () => {
    await client?.end()
    await services?.close()
    await app?.close()
  })

  type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] }
  const flatten = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(flatten)]

  /**
   * Runs `call`, then EXPLAIN ANALYZEs each captured statement that reads a big table and returns
   * the scans that examined more than MAX_EXAMINED rows (returned + removed by a filter or recheck):
   * a sequential scan, or an index that does not narrow the query. With `ranges`, only sequential
   * scans count (an aggregate over a date range reads the whole range).
   */
  async function wideScans(call: () => Promise<unknown>, { ranges = false } = {}): Promise<string[]> {
    captured.length = 0
    await call()
    const statements = captured.filter((c) =>
      BIG_TABLES.some((t) => c.query.includes(`"public"."${t}"`) || new RegExp(`\\b(FROM|JOIN) ${t}\\b`).test(c.query)),
    )
    expect(statements.length).toBeGreaterThan(0)
    const wide: string[] = []
    const used: string[] = []
    for (const s of statements) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.query}`, s.params)
      const plan = (rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan
      for (const n of flatten(plan)) {
        const relation = n['Relation Name'] as string | undefined
        if (!relation || !BIG_TABLES.includes(relation)) continue
        used.push(`${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''} on ${relation}`)
        const perLoop =
          Number(n['Actual Rows'] ?? 0) +
          Number(n['Rows Removed by Filter'] ?? 0) +
          Number(n['Rows Removed by Index Recheck'] ?? 0)
        const examined = perLoop * Number(n['Actual Loops'] ?? 1)
        // An aggregate over a range (the dashboard's last 14 days) reads what the range holds: it
        // must come from an index, however many rows that is.
        if (ranges ? n['Node Type'] === 'Seq Scan' : examined > MAX_EXAMINED)
          wide.push(`${n['Node Type']} on ${relation} examined ${examined} rows: ${s.query.slice(0, 200)}`)
      }
    }
    if (process.env.EXPLAIN_REPORT) report.push(used.join('; '))
    return wide
  }
  const report: string[] = []

  const deep = { page: 20, pageSize: 50 }
  const day = 86_400_000
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['users.list default', () => caller.users.list({})],
    ['users.list deep page', () => caller.users.list(deep)],
    ['users.list role', () => caller.users.list({ role: 'manager' })],
    ['users.list inactive', () => caller.users.list({ active: false })],
    ['users.list search', () => caller.users.list({ search: 'garcia' })],
    ...(['fullName', 'email', 'role', 'active', 'createdAt'] as const).flatMap((field) =>
      (['asc', 'desc'] as const).map(
        (direction) =>
          [`users.list sort ${field} ${direction}`, () => caller.users.list({ sort: { field, direction } })] as [
            string,
            () => Promise<unknown>,
          ],
      ),
    ),
    ['permissions.matrix', () => caller.permissions.matrix({})],
    ['permissions.matrix role + search', () => caller.permissions.matrix({ role: 'agent', search: 'smith' })],
    ['candidates.list default', () => caller.candidates.list({})],
    ['candidates.list deep page', () => caller.candidates.list(deep)],
    ['candidates.list status', () => caller.candidates.list({ status: 'hired' })],
    ['candidates.list open', () => caller.candidates.list({ status: 'open' })],
    ['candidates.list position', () => caller.candidates.list({ position: 'Team Lead' })],
    ['candidates.list search', () => caller.candidates.list({ search: 'okafor' })],
    ...(['fullName', 'email', 'position', 'status', 'phone', 'createdAt'] as const).flatMap((field) =>
      (['asc', 'desc'] as const).map(
        (direction) =>
          [
            `candidates.list sort ${field} ${direction}`,
            () => caller.candidates.list({ sort: { field, direction } }),
          ] as [string, () => Promise<unknown>],
      ),
    ),
    ['candidates.positions', () => caller.candidates.positions()],
    ['interviews.list default', () => caller.interviews.list({})],
    ['interviews.list deep page', () => caller.interviews.list(deep)],
    [
      'interviews.list next 14 days',
      () => caller.interviews.list({ from: new Date(), to: new Date(Date.now() + 14 * day) }),
    ],
    ['interviews.list status', () => caller.interviews.list({ status: 'no_show' })],
    ['interviews.list type', () => caller.interviews.list({ interviewType: 'final' })],
    ['interviews.list interviewer', () => caller.interviews.list({ interviewerId: ids.interviewer })],
    ['interviews.list candidate', () => caller.interviews.list({ candidateId: ids.candidate })],
    ...(['scheduledAt', 'interviewerName', 'status', 'interviewType'] as const).flatMap((field) =>
      (['asc', 'desc'] as const).map(
        (direction) =>
          [
            `interviews.list sort ${field} ${direction}`,
            () => caller.interviews.list({ sort: { field, direction } }),
          ] as [string, () => Promise<unknown>],
      ),
    ),
    [
      'interviews.calendar week',
      () => caller.interviews.calendar({ from: new Date(), to: new Date(Date.now() + 7 * day) }),
    ],
    ['calls.list default', () => caller.calls.list({})],
    ['calls.list deep page', () => caller.calls.list(deep)],
    ['calls.list direction', () => caller.calls.list({ direction: 'outbound' })],
    ['calls.list outcome', () => caller.calls.list({ outcome: 'busy' })],
    [
      'calls.list inbound missed (the dashboard card)',
      () => caller.calls.list({ direction: 'inbound', outcome: 'missed' }),
    ],
    [
      'calls.list inbound missed today',
      () =>
        caller.calls.list({
          direction: 'inbound',
          outcome: 'missed',
          from: new Date(Date.now() - day),
          to: new Date(),
        }),
    ],
    [
      'calls.list voicemails, longest first',
      () => caller.calls.list({ outcome: 'voicemail', sort: { field: 'durationSecs', direction: 'desc' } }),
    ],
    [
      'calls.list missed, by duration',
      () => caller.calls.list({ outcome: 'missed', sort: { field: 'durationSecs', direction: 'asc' } }),
    ],
    [
      'calls.list outbound voicemails, longest first',
      () =>
        caller.calls.list({
          direction: 'outbound',
          outcome: 'voicemail',
          sort: { field: 'durationSecs', direction: 'desc' },
        }),
    ],
    [
      'calls.list inbound, by duration',
      () => caller.calls.list({ direction: 'inbound', sort: { field: 'durationSecs', direction: 'desc' } }),
    ],
    ['calls.list important', () => caller.calls.list({ isImportant: true })],
    ['calls.list candidate', () => caller.calls.list({ candidateId: ids.candidate })],
    ['calls.list today', () => caller.calls.list({ from: new Date(Date.now() - day), to: new Date() })],
    ['calls.list search name', () => caller.calls.list({ search: 'nguyen' })],
    ['calls.list search number', () => caller.calls.list({ search: '555 01' })],
    ...(['calledAt', 'durationSecs', 'callerName'] as const).flatMap((field) =>
      (['asc', 'desc'] as const).map(
        (direction) =>
          [`calls.list sort ${field} ${direction}`, () => caller.calls.list({ sort: { field, direction } })] as [
            string,
            () => Promise<unknown>,
          ],
      ),
    ),
    ['audit.list newest', () => caller.audit.list({ limit: 50 })],
    ['audit.list keyset page 90% deep', () => caller.audit.list({ limit: 50, cursor: ids.deepCursor })],
    ['audit.list keyset page 90% deep, newer', () => caller.audit.list({ limit: 50, cursor: ids.deepCursorNewer })],
    ['audit.list action', () => caller.audit.list({ action: 'login' })],
    ['audit.list actor', () => caller.audit.list({ actorId: ids.actor })],
    ['audit.list target', () => caller.audit.list({ target: 'candidate' })],
    ['audit.list about a user', () => caller.audit.list({ targetUserId: 'scale-u-0000014' })],
    [
      'audit.list date range',
      () => caller.audit.list({ from: new Date(Date.now() - 30 * day), to: new Date(Date.now() - 29 * day) }),
    ],
  ]

  it.each(cases)('%s', async (name, call) => {
    expect(await wideScans(call)).toEqual([])
    // EXPLAIN_REPORT=file writes each case's plan nodes (the note and docs quote them).
    if (process.env.EXPLAIN_REPORT) fs.appendFileSync(process.env.EXPLAIN_REPORT, `| ${name} | ${report.pop()} |\n`)
  })

  it('dashboard.summary reads its ranges and counts from indexes', async () => {
    expect(await wideScans(() => caller.dashboard.summary(), { ranges: true })).toEqual([])
  })

  it('a signed-in request reads its session, user and overrides in one round trip', async () => {
    const token = await app.sessionToken(DEMO.agent)
    captured.length = 0
    const ctx = await createContext(services, {
      headers: new Headers({ cookie: `${SESSION_COOKIE_NAME}=${token}` }),
      ip: '127.0.0.1',
    })
    expect(captured).toHaveLength(1)
    // The demo agent's override (product.md, Demo data) arrived with it.
    expect(ctx.ability.can('read', 'candidates')).toBe(true)
  })

  it('the check itself catches a filter no index serves (calls.notes)', async () => {
    expect(
      await wideScans(() => prisma.call.findMany({ where: { notes: 'no index on notes' }, take: 1 })),
    ).toHaveLength(1)
  })
})
