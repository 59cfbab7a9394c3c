/**
 * `audit` router (product.md, Audit log and API): the entries a user may see (admins all; everyone
 * else the entries about pages they can open, plus their own actions), newest first, keyset-paginated
 * on (timestamp, id) in both directions; the actors to filter by; and the CSV export (admins).
 */
import { TRPCError } from '@trpc/server'
import { AuditActorsInput, AuditExportInput, AuditListInput } from '#shared/schemas/audit.ts'
import type { Context } from '#server/context.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import { auditVisibility, withTargetState } from '#server/queries/audit.ts'
import { tableExport } from '#server/exports.server.ts'
import { authedProcedure, pageProcedure, router } from '#server/trpc.ts'

type Direction = 'older' | 'newer'

interface Position {
  timestamp: Date
  id: string
  direction: Direction
}

/** An opaque cursor: the (timestamp, id) to continue from, and which way. */
function encodeCursor(row: { timestamp: Date; id: string }, direction: Direction) {
  return Buffer.from(`${row.timestamp.toISOString()}|${row.id}|${direction}`).toString('base64url')
}

function decodeCursor(cursor: string): Position {
  const [ts, id, direction] = Buffer.from(cursor, 'base64url').toString().split('|')
  const timestamp = new Date(ts ?? '')
  if (
    !id ||
    !/^[A-Za-z0-9_-]{1,64}$/.test(id) ||
    Number.isNaN(timestamp.getTime()) ||
    (direction !== 'older' && direction !== 'newer')
  ) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'That page link is not valid; start from the newest entries.' })
  }
  return { timestamp, id, direction }
}

/** The export's order: newest first, `id` last for the keyset batches. */
const NEWEST_FIRST: Prisma.AuditLogOrderByWithRelationInput[] = [{ timestamp: 'desc' }, { id: 'desc' }]

export const auditEntrySelect = {
  id: true,
  actorId: true,
  action: true,
  target: true,
  targetId: true,
  targetUserId: true,
  metadata: true,
  ipAddress: true,
  userAgent: true,
  timestamp: true,
  actor: { select: { id: true, fullName: true, email: true } },
  targetUser: { select: { id: true, fullName: true, email: true } },
} as const satisfies Prisma.AuditLogSelect

interface Filters {
  actorId?: string
  action?: string
  target?: Prisma.AuditLogWhereInput['target']
  targetId?: string
  targetUserId?: string
  from?: Date
  to?: Date
}

/** The entries `ctx.user` may see that match the filters (`from` ≤ timestamp < `to`). */
function auditWhere(ctx: Context & { user: NonNullable<Context['user']> }, input: Filters): Prisma.AuditLogWhereInput {
  return {
    AND: [
      auditVisibility(ctx),
      {
        actorId: input.actorId,
        action: input.action,
        target: input.target,
        targetId: input.targetId,
        targetUserId: input.targetUserId,
        timestamp: input.from || input.to ? { gte: input.from, lt: input.to } : undefined,
      },
    ],
  }
}

export const auditRouter = router({
  /**
   * Audit entries the caller may see, filtered by actor, action, target (and target id) and time,
   * newest first. Returns `{ items, nextCursor, prevCursor }` (each item says `targetGone` when the
   * candidate, interview or call it is about was deleted since): pass `nextCursor` as `cursor` for older
   * entries, `prevCursor` for newer ones (null when there are none). Pages stay exact while entries
   * are added (no duplicates, no gaps) and cost the same at any depth.
   */
  list: authedProcedure.input(AuditListInput).query(async ({ ctx, input }) => {
    const position = input.cursor ? decodeCursor(input.cursor) : null
    const newer = position?.direction === 'newer'
    const where: Prisma.AuditLogWhereInput = {
      AND: [
        auditWhere(ctx, input),
        // The plain range (gte/lte) is implied by the OR but lets the index seek to the cursor;
        // with the OR alone PostgreSQL filters every newer entry (207 ms 900,000 entries deep).
        position
          ? newer
            ? {
                timestamp: { gte: position.timestamp },
                OR: [
                  { timestamp: { gt: position.timestamp } },
                  { timestamp: position.timestamp, id: { gt: position.id } },
                ],
              }
            : {
                timestamp: { lte: position.timestamp },
                OR: [
                  { timestamp: { lt: position.timestamp } },
                  { timestamp: position.timestamp, id: { lt: position.id } },
                ],
              }
          : {},
      ],
    }
    const direction = newer ? 'asc' : 'desc'
    const rows = await ctx.prisma.auditLog.findMany({
      where,
      orderBy: [{ timestamp: direction }, { id: direction }],
      take: input.limit + 1,
      select: auditEntrySelect,
    })
    const more = rows.length > input.limit
    const page = rows.slice(0, input.limit)
    const items = newer ? page.reverse() : page
    const first = items[0]
    const last = items[items.length - 1]
    // Going older there are newer entries whenever we started from a cursor; going newer there are
    // older ones (we came from them).
    const hasOlder = newer ? true : more
    const hasNewer = newer ? more : position !== null
    return {
      items: await withTargetState(ctx.prisma, items),
      nextCursor: hasOlder && last ? encodeCursor(last, 'older') : null,
      prevCursor: hasNewer && first ? encodeCursor(first, 'newer') : null,
    }
  }),

  /**
   * People to filter the log by: up to 20 users matching `search` (name or email) who appear as the
   * actor of an entry the caller may see (admins: any user), plus `selected`.
   */
  actors: authedProcedure.input(AuditActorsInput).query(async ({ ctx, input }) => {
    const select = { id: true, fullName: true, email: true } as const
    const visible: Prisma.UserWhereInput =
      ctx.user.role === 'admin' ? {} : { auditAsActor: { some: auditVisibility(ctx) } }
    const search: Prisma.UserWhereInput = input.search
      ? {
          OR: [
            { fullName: { contains: input.search, mode: 'insensitive' } },
            { email: { contains: input.search.toLowerCase() } },
          ],
        }
      : {}
    const [matches, chosen] = await Promise.all([
      ctx.prisma.user.findMany({
        where: { AND: [visible, search] },
        select,
        orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
        take: 20,
      }),
      input.selected ? ctx.prisma.user.findFirst({ where: { AND: [visible, { id: input.selected }] }, select }) : null,
    ])
    return chosen && !matches.some((m) => m.id === chosen.id) ? [chosen, ...matches] : matches
  }),

  /**
   * Every entry matching the filters, newest first, streamed in batches of 500 (the admins' CSV
   * export; product.md, Audit log: export). Audits `export_generated` with the filter and row count.
   */
  export: pageProcedure('user_management', 'grant')
    .input(AuditExportInput)
    .mutation(({ ctx, input }) =>
      tableExport(ctx, { target: 'audit', list: 'audit', filter: input }, ctx.prisma.auditLog, {
        where: auditWhere(ctx, input),
        orderBy: NEWEST_FIRST,
        read: (args) => ctx.prisma.auditLog.findMany({ ...args, select: auditEntrySelect }),
      }),
    ),
})
