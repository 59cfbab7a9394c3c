/**
 * The migration that gave calls a direction and an outcome (prisma/migrations/
 * 20261201000000_call_direction_outcome; docs/decisions/0018-call-direction-and-outcome.md), run on a
 * database that holds calls of the old shape: every migration before it, rows of every old type and
 * status (contradictions included), then the migration itself, exactly as `prisma migrate deploy`
 * runs the file. PGlite by default; a fresh database on the server with TEST_DATABASE_URL (CI's
 * PostgreSQL pass).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPGlite } from '#server/db-adapter.server.ts'
import { limit } from '#test/helpers/wait.ts'

const MIGRATIONS = path.resolve('prisma/migrations')
const TARGET = '20261201000000_call_direction_outcome'
const folders = fs
  .readdirSync(MIGRATIONS)
  .filter((d) => fs.existsSync(path.join(MIGRATIONS, d, 'migration.sql')))
  .sort()
const migration = (folder: string) => fs.readFileSync(path.join(MIGRATIONS, folder, 'migration.sql'), 'utf8')

interface Db {
  /** Runs a script of several statements, as the migration runner does. */
  exec(sql: string): Promise<void>
  query<T>(sql: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
}

async function openEmptyDatabase(): Promise<Db> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const db = await openPGlite('memory://')
    return {
      exec: async (sql) => void (await db.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
      close: () => db.close(),
    }
  }
  const name = `gh_migration_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    close: async () => {
      await client.end()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

const OLD_TYPES = ['inbound', 'outbound', 'missed', 'voicemail'] as const
const OLD_STATUSES = ['answered', 'missed', 'busy', 'voicemail'] as const

/** What the migration makes of an old (type, status) call of 300 s: the rule in the migration's header. */
function expected(type: (typeof OLD_TYPES)[number], status: (typeof OLD_STATUSES)[number]) {
  const direction = type === 'outbound' ? 'outbound' : 'inbound'
  const outcome =
    type === 'missed' || type === 'voicemail' ? type : type === 'inbound' && status === 'busy' ? 'missed' : status
  return { direction, outcome, duration_secs: outcome === 'answered' || outcome === 'voicemail' ? 300 : 0 }
}

describe('the migration turns old types and statuses into direction and outcome', () => {
  let db: Db
  beforeAll(async () => {
    expect(folders).toContain(TARGET)
    db = await openEmptyDatabase()
    for (const folder of folders.slice(0, folders.indexOf(TARGET))) await db.exec(migration(folder))
    // Every old type with every old status, each of 300 s: contradictions such as "missed, answered, 5:00" included.
    const rows = OLD_TYPES.flatMap((type) =>
      OLD_STATUSES.map((status) => ({ id: `old-${type}-${status}`, type, status })),
    )
    for (const r of rows) {
      await db.query(
        `INSERT INTO calls (id, caller_name, caller_number, call_type, status, duration_secs, called_at, updated_at)
         VALUES ($1, $2, '+14155550100', $3::"CallType", $4::"CallStatus", 300, now(), now())`,
        [r.id, `Old ${r.type} ${r.status}`, r.type, r.status],
      )
    }
    await db.query(
      `INSERT INTO calls (id, caller_name, caller_number, call_type, status, duration_secs, updated_at) VALUES ('old-quiet', 'Quiet', '+14155550100', 'outbound', 'busy', 0, now())`,
    )
    await db.exec(migration(TARGET))
  }, limit(300_000))
  afterAll(() => db?.close())

  it('maps each old type and status by the documented rule, keeping a duration only when the outcome has one', async () => {
    const rows = await db.query<{ id: string; direction: string; outcome: string; duration_secs: number }>(
      `SELECT id, direction::text, outcome::text, duration_secs FROM calls WHERE id LIKE 'old-%-%' ORDER BY id`,
    )
    expect(rows).toHaveLength(16)
    for (const r of rows) {
      const [, type, status] = r.id.split('-') as [string, (typeof OLD_TYPES)[number], (typeof OLD_STATUSES)[number]]
      expect({ direction: r.direction, outcome: r.outcome, duration_secs: r.duration_secs }, r.id).toEqual(
        expected(type, status),
      )
    }
    // The user's example: type missed, status answered, 5:00 is an inbound missed call with no talk time.
    expect(rows.find((r) => r.id === 'old-missed-answered')).toMatchObject({
      direction: 'inbound',
      outcome: 'missed',
      duration_secs: 0,
    })
    expect(rows.find((r) => r.id === 'old-voicemail-answered')).toMatchObject({
      direction: 'inbound',
      outcome: 'voicemail',
      duration_secs: 300,
    })
    expect(
      await db.query(`SELECT direction::text, outcome::text, duration_secs FROM calls WHERE id = 'old-quiet'`),
    ).toEqual([{ direction: 'outbound', outcome: 'busy', duration_secs: 0 }])
  })

  it('drops the old columns and types and keeps the rules in the database', async () => {
    const columns = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'calls'`,
    )
    expect(columns.map((c) => c.column_name)).toEqual(expect.arrayContaining(['direction', 'outcome', 'duration_secs']))
    expect(columns.map((c) => c.column_name)).not.toContain('call_type')
    expect(columns.map((c) => c.column_name)).not.toContain('status')
    expect(await db.query(`SELECT typname FROM pg_type WHERE typname IN ('CallType', 'CallStatus')`)).toEqual([])
    const insert = (direction: string, outcome: string, secs: number) =>
      db.query(
        `INSERT INTO calls (id, caller_name, caller_number, direction, outcome, duration_secs, updated_at) VALUES ($1, 'New', '+14155550100', $2::"CallDirection", $3::"CallOutcome", $4, now())`,
        [`new-${direction}-${outcome}-${secs}`, direction, outcome, secs],
      )
    await expect(insert('inbound', 'missed', 300)).rejects.toThrow(/calls_duration_needs_answer/)
    await expect(insert('outbound', 'busy', 5)).rejects.toThrow(/calls_duration_needs_answer/)
    await expect(insert('inbound', 'busy', 0)).rejects.toThrow(/calls_busy_is_outbound/)
    await insert('outbound', 'voicemail', 40)
    await insert('inbound', 'missed', 0)
  })

  it('recreates the indexes the log’s direction and outcome filters read', async () => {
    const indexes = await db.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'calls' ORDER BY indexname`,
    )
    const byName = Object.fromEntries(indexes.map((i) => [i.indexname, i.indexdef.replace(/^.* USING btree /, '')]))
    expect(byName).toMatchObject({
      calls_direction_called_at_id_idx: '(direction, called_at DESC, id DESC)',
      calls_outcome_called_at_id_idx: '(outcome, called_at DESC, id DESC)',
      calls_direction_outcome_called_at_id_idx: '(direction, outcome, called_at DESC, id DESC)',
      calls_outcome_duration_secs_called_at_id_idx: '(outcome, duration_secs, called_at, id)',
    })
    expect(Object.keys(byName).filter((n) => /call_type|status/.test(n))).toEqual([])
  })
})
