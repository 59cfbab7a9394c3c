/** Audit-log queries shared by routers (`audit.list`, `dashboard.summary`). */
import { AUDIT_TARGET_PAGE, AUDIT_TARGETS } from '#shared/audit.ts'
import type { Context } from '#server/context.server.ts'
import type { DbTx } from '#server/db.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'

/**
 * The audit rows `ctx.user` may see (product.md, Audit log: who sees what): admins every row;
 * everyone else the rows about targets whose page they can open, plus their own actions.
 */
export function auditVisibility(ctx: Context & { user: NonNullable<Context['user']> }): Prisma.AuditLogWhereInput {
  if (ctx.user.role === 'admin') return {}
  const targets = AUDIT_TARGETS.filter((t) => ctx.ability.can('read', AUDIT_TARGET_PAGE[t]))
  return { OR: [{ actorId: ctx.user.id }, { target: { in: targets } }] }
}

/** The tables of the records an audit entry can be about, by target. */
const RECORD_TARGETS = ['candidate', 'interview', 'call'] as const

/**
 * `entries` with `targetGone: true` on those about a candidate, interview or call that no longer
 * exists (product.md, Audit log: the viewer links only to what exists). At most one query per kind
 * of record, by primary key, whatever the number of entries.
 */
export async function withTargetState<E extends { target: string; targetId: string | null }>(
  db: DbTx,
  entries: E[],
): Promise<Array<E & { targetGone: boolean }>> {
  const ids = (target: string) => [
    ...new Set(entries.filter((e) => e.target === target && e.targetId).map((e) => e.targetId!)),
  ]
  const find = (target: (typeof RECORD_TARGETS)[number], wanted: string[]): Promise<Array<{ id: string }>> => {
    if (wanted.length === 0) return Promise.resolve([])
    const where = { where: { id: { in: wanted } }, select: { id: true } } as const
    if (target === 'candidate') return db.candidate.findMany(where)
    if (target === 'interview') return db.interview.findMany(where)
    return db.call.findMany(where)
  }
  const found = await Promise.all(RECORD_TARGETS.map((t) => find(t, ids(t))))
  const existing = new Set(found.flat().map((r) => r.id))
  return entries.map((e) => ({
    ...e,
    targetGone:
      (RECORD_TARGETS as readonly string[]).includes(e.target) && e.targetId !== null && !existing.has(e.targetId),
  }))
}
