/** Audit-log queries shared by routers (`audit.list`, `dashboard.summary`). */
import { AUDIT_TARGET_PAGE, AUDIT_TARGETS } from '#shared/audit.ts'
import type { Context } from '#server/context.server.ts'
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
