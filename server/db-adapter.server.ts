/**
 * Picks the database driver (product.md, Architecture): no DATABASE_URL -> embedded PGlite in a local folder;
 * DATABASE_URL=postgres://… -> a PostgreSQL server through node-postgres. Used by the app
 * (server/db.server.ts) and by the Prisma CLI (prisma.config.ts), so both always agree.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { logger } from './logger.server'
import { forgetPool, watchPool } from './metrics.server'
import { env } from './env.server'

export type DatabaseKind = 'pglite' | 'postgres'

export interface AdapterOptions {
  /** postgres:// URL; when absent PGlite is used. Defaults to env.DATABASE_URL. */
  databaseUrl?: string
  /** PGlite data folder (created if missing); `memory://` for an in-memory database. */
  pgliteDir?: string
  /** An already-open PGlite instance (tests load a migrated template into memory). */
  pglite?: PGlite
}

export interface AdapterHandle {
  kind: DatabaseKind
  // Both adapter factories satisfy Prisma's SqlMigrationAwareDriverAdapterFactory at run time;
  // adapter-pg 7.x is typed against a newer driver-adapter-utils, hence the loose type here.
  factory: any // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
  /** The PGlite instance, when kind is 'pglite'. */
  pglite?: PGlite
  /** The node-postgres pool, when kind is 'postgres'. */
  pool?: pg.Pool
  close(): Promise<void>
}

/** Opens a PGlite database with the extensions our migrations use (pg_trgm). */
export async function openPGlite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(path.resolve(dataDir), { recursive: true })
  const db = new PGlite(dataDir, { extensions: { pg_trgm }, loadDataDir })
  await db.waitReady
  return db
}

/**
 * `@prisma/adapter-pg` 7.10.1 runs a migration script by splitting it on every `;`, which breaks
 * PL/pgSQL function bodies (the audit log's append-only trigger) and comments that contain one. This
 * factory runs each script whole instead, as PostgreSQL's simple query protocol allows; everything
 * else is the stock adapter (docs/decisions/0001-embedded-pglite-and-postgresql.md).
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect()
    const internal = adapter as unknown as {
      client: { query(sql: string): Promise<unknown> }
      onError(error: unknown): never
    }
    adapter.executeScript = async (script: string) => {
      try {
        await internal.client.query(script)
      } catch (error) {
        internal.onError(error)
      }
    }
    return adapter
  }
}

/** Creates the driver adapter factory for the configured database. */
export async function createAdapterFactory(options: AdapterOptions = {}): Promise<AdapterHandle> {
  const databaseUrl = options.pglite ? undefined : (options.databaseUrl ?? env.DATABASE_URL)
  if (databaseUrl) {
    // Our own pool (the adapter ends it on disconnect) so /metrics can report its use.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: env.DATABASE_POOL_SIZE })
    watchPool(pool)
    // An idle connection the server drops (restart, failover) must not crash the process: the pool
    // discards it and connects again on the next use (/readyz reports the outage meanwhile).
    pool.on('error', (err) => logger.warn({ err }, 'database pool connection lost'))
    const factory = new WholeScriptPrismaPg(pool, { disposeExternalPool: true })
    return {
      kind: 'postgres',
      factory,
      pool,
      close: async () => {
        forgetPool(pool)
      },
    }
  }
  const pglite = options.pglite ?? (await openPGlite(options.pgliteDir ?? env.PGLITE_DATA_DIR))
  return {
    kind: 'pglite',
    factory: new PrismaPGlite(pglite),
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close()
    },
  }
}
