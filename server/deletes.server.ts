/**
 * The one recipe of a plain delete procedure (product.md, Audit log: every change is audited): in one
 * transaction, lock the row, audit its `…_deleted` entry with what it was, then delete it.
 */
import type { AuditAction, AuditTargetName } from '#shared/audit.ts'
import { recordAudit } from '#server/audit.server.ts'
import type { Context } from '#server/context.server.ts'
import type { DbTx } from '#server/db.server.ts'
import { actorOf } from '#server/trpc.ts'

/** The targets whose deletion has its own `<target>_deleted` audit action. */
export type DeletableTarget = {
  [T in AuditTargetName]: `${T}_deleted` extends AuditAction ? T : never
}[AuditTargetName]

/**
 * How to delete one kind of row: a router defines it once, beside its lock and its audited shape, and
 * its `delete` procedure hands it to deleteAudited with the id.
 */
export interface AuditedDelete<C extends { id: string }, R> {
  /** Locks and reads row `id` (NOT_FOUND when it is gone, as the lock helpers throw). */
  lock: (tx: DbTx, id: string) => Promise<C>
  /** What the entry records as `before`. */
  before: (current: C) => unknown
  /** Deletes the row by its id. */
  remove: (tx: DbTx, id: string) => Promise<unknown>
  /** What the procedure returns, from the row as it was. */
  result: (current: C) => R
}

/**
 * Deletes `target` row `id` (a `call`, an `interview`, …) for `ctx`'s actor: locks it, records
 * `{ action: '<target>_deleted', target, targetId, metadata: { before } }` and deletes it in the same
 * transaction, and returns `result` of the row as it was. Throws what `lock` throws (NOT_FOUND for a
 * row that is gone).
 */
export function deleteAudited<T extends DeletableTarget, C extends { id: string }, R>(
  ctx: Context,
  target: T,
  id: string,
  recipe: AuditedDelete<C, R>,
): Promise<R> {
  return ctx.prisma.$transaction(async (tx) => {
    const current = await recipe.lock(tx, id)
    await recordAudit(tx, actorOf(ctx), {
      action: `${target}_deleted`,
      target,
      targetId: current.id,
      metadata: { before: recipe.before(current) },
    })
    await recipe.remove(tx, current.id)
    return recipe.result(current)
  })
}
