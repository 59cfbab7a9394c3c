/** Row and key locks taken inside a transaction (docs/decisions/0002 and 0007). */
import type { DbTx } from '#server/db.server.ts'

/** Tables whose rows a mutation locks before reading their "before" state. */
type LockableTable = 'users' | 'candidates' | 'interviews' | 'calls'

/**
 * Locks one row (`SELECT … FOR UPDATE`) until the transaction ends, so the audit's `before` is the
 * state the change replaced, even under concurrent edits. Returns false when the row does not exist.
 * `KEY SHARE` only keeps the row from being deleted or locked for update meanwhile (what a new row
 * referring to it takes anyway), without queuing other readers.
 */
export async function lockRow(
  tx: DbTx,
  table: LockableTable,
  id: string,
  strength: 'UPDATE' | 'KEY SHARE' = 'UPDATE',
): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id FROM "${table}" WHERE id = $1 FOR ${strength === 'UPDATE' ? 'UPDATE' : 'KEY SHARE'}`,
    id,
  )
  return rows.length > 0
}

/**
 * Namespaces of the two-key advisory locks (`pg_advisory_xact_lock(namespace, hashtext(key))`).
 * A transaction that takes both interview locks takes the interviewer's first, then the candidate's
 * (docs/decisions/0007-interview-double-booking.md), so two bookings never wait for each other in a circle.
 */
export const LOCK_NAMESPACE = { interviewer: 7_341_002, candidate: 7_341_003 } as const

/**
 * Takes a transaction-scoped advisory lock on `key` within `namespace`: transactions that lock the
 * same key run one after the other (unrelated keys that hash alike merely wait for each other).
 */
export async function lockKey(tx: DbTx, namespace: number, key: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${namespace}::int, hashtext(${key}))::text AS locked`
}
