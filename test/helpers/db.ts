/**
 * A fresh, migrated database per test file: PGlite in memory (loaded from the template tarball) or a
 * new PostgreSQL database cloned from the migrated template (TEST_DATABASE_URL). Real databases, no mocks.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { openPGlite } from '#server/db-adapter.server.ts'
import { openDatabase, type Database } from '#server/db.server.ts'

export interface TestDatabase {
  database: Database
  /** Set when the test database lives on a PostgreSQL server. */
  databaseUrl?: string
  drop(): Promise<void>
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('pgTemplateUrl')
  if (serverUrl) {
    const name = `gh_test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name} TEMPLATE gatehouse_template`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    const database = await openDatabase({ databaseUrl: url.toString() })
    return {
      database,
      databaseUrl: url.toString(),
      async drop() {
        await database.close()
        const c = new pg.Client({ connectionString: serverUrl })
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await c.end()
      },
    }
  }
  const tarball = inject('pgliteTemplate')
  if (!tarball) throw new Error('No template database: run tests through vitest (test/global-setup.ts).')
  const pglite = await openPGlite('memory://', new Blob([fs.readFileSync(tarball)]))
  const database = await openDatabase({ pglite })
  return { database, drop: () => database.close() }
}
