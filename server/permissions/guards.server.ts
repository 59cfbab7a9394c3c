/**
 * Guards (product.md, Permissions: rules that always hold) that need the database: never remove the last active admin, never lock yourself
 * out of user management. Call them inside the transaction that makes the change, before any user row
 * lock (or take `lockAdminGuard` first): they take a transaction-scoped advisory lock, so concurrent
 * removals run one after the other and each counts the admins after the previous one committed (a row
 * lock would miss a concurrent override insert).
 */
import { TRPCError } from '@trpc/server'
import type { DbTx } from '#server/db.server.ts'

/** Key of the advisory lock that serializes changes which could remove an admin. */
const ADMIN_GUARD_LOCK = 7_341_001

/**
 * Takes the admin-guard advisory lock until the transaction ends (again within one transaction is a
 * no-op wait). A change that locks a user row as well takes this lock first, then the row
 * (docs/decisions/0002-advisory-lock-for-last-admin-guard.md: lock order), so it never waits for the
 * guard while holding a row that a guarded change (a deny override's insert) needs.
 */
export async function lockAdminGuard(tx: DbTx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ADMIN_GUARD_LOCK}::bigint)::text AS locked`
}

/**
 * Ids of the "active admins" that keep the system manageable: role admin, active, and not denied
 * `user_management` by an override. Holds the admin-guard advisory lock until the transaction ends.
 */
export async function lockActiveAdmins(tx: DbTx): Promise<string[]> {
  await lockAdminGuard(tx)
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM users u
    WHERE u.role = 'admin' AND u.active
      AND NOT EXISTS (
        SELECT 1 FROM user_page_access p
        WHERE p.user_id = u.id AND p.page_name = 'user_management' AND p.has_access = false)`
  return rows.map((r) => r.id)
}

const VERBS = {
  demote: 'change the role of',
  deactivate: 'deactivate',
  delete: 'delete',
  deny: 'deny user management to',
} as const

/**
 * product.md, Permissions: last active admin. Throws FORBIDDEN when `userId` is the only
 * active admin left and `change` would remove them. No-op for users who are not active admins.
 */
export async function assertNotLastActiveAdmin(tx: DbTx, userId: string, change: keyof typeof VERBS): Promise<void> {
  const admins = await lockActiveAdmins(tx)
  if (admins.includes(userId) && admins.length <= 1) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `You cannot ${VERBS[change]} the last active admin. Make another user an admin first.`,
    })
  }
}
