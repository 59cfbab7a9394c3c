/**
 * `audit` router (product.md, Audit log and API). Admins see every entry; everyone else sees entries about the pages
 * they can open plus their own actions. Newest first, keyset-paginated on (timestamp, id).
 */
import { TRPCError } from '@trpc/server'
import type { Prisma } from '#server/generated/prisma/client.ts'
import { auditVisibility } from '#server/queries/audit.ts'
import { AuditListInput } from '#shared/schemas/audit.ts'
import { pageProcedure, router } from '#server/trpc.ts'


function encodeCursor(row: { timestamp: Date; id: string }) {
  return Buffer.from(`${row.timestamp.toISOString()}|${row.id}`).toString('base64url')
}
function decodeCursor(cursor: string): { timestamp: Date; id: string } {
  const [ts, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  const timestamp = new Date(ts ?? '')
  if (!id || Number.isNaN(timestamp.getTime())) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid cursor' })
  return { timestamp, id }
}

export const auditRouter = router({
  /**
   * Audit entries the caller may see, filtered by actor, action, target and date range
   * (`from` ≤ timestamp ≤ `to`). Returns `{ items, nextCursor }`; pass `nextCursor` back as `cursor`.
   */
  list: pageProcedure('dashboard', 'read')
    .input(AuditListInput)
    .query(async ({ ctx, input }) => {
      const after = input.cursor ? decodeCursor(input.cursor) : null
      const where: Prisma.AuditLogWhereInput = {
        AND: [
          auditVisibility(ctx),
          {
            actorId: input.actorId,
            action: input.action,
            target: input.target,
            timestamp: input.from || input.to ? { gte: input.from, lte: input.to } : undefined,
          },
          after ? { OR: [{ timestamp: { lt: after.timestamp } }, { timestamp: after.timestamp, id: { lt: after.id } }] } : {},
        ],
      }
      const rows = await ctx.prisma.auditLog.findMany({
        where,
        orderBy: [{ timestamp: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
        include: {
          actor: { select: { id: true, fullName: true, email: true } },
          targetUser: { select: { id: true, fullName: true, email: true } },
        },
      })
      const items = rows.slice(0, input.limit)
      return { items, nextCursor: rows.length > input.limit ? encodeCursor(items[items.length - 1]!) : null }
    }),
})
