/**
 * The one database module: a Prisma client over the driver adapter chosen in
 * db-adapter.server.ts (PGlite by default, PostgreSQL with DATABASE_URL).
 */
import { PrismaClient } from './generated/prisma/client'
import { createAdapterFactory, type AdapterOptions, type DatabaseKind } from './db-adapter.server'

export type Db = PrismaClient
/** A Prisma client or the transaction client handed to `$transaction(async (tx) => …)`. */
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

export interface Database {
  prisma: PrismaClient
  kind: DatabaseKind
  /** Disconnects Prisma and closes PGlite (a PGlite folder can be opened by one process at a time). */
  close(): Promise<void>
}

/**
 * Opens the configured database. Options override the environment (tests pass an in-memory PGlite
 * or a per-test PostgreSQL database).
 */
export async function openDatabase(options: AdapterOptions = {}): Promise<Database> {
  const handle = await createAdapterFactory(options)
  const prisma = new PrismaClient({ adapter: handle.factory })
  return {
    prisma,
    kind: handle.kind,
    async close() {
      await prisma.$disconnect()
      await handle.close()
    },
  }
}
