/** Database error classification, free of the Prisma client so route bundles can import it. */

/**
 * True when `error` is a unique-constraint violation, whichever driver raised it: @prisma/adapter-pg
 * reports Prisma's P2002, pglite-prisma-adapter 0.6 a DriverAdapterError whose cause carries the
 * PostgreSQL SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null
  return e?.code === 'P2002' || e?.cause?.code === '23505'
}
