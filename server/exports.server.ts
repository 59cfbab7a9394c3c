/**
 * The one recipe of an export procedure (product.md, Lists: exports; docs/decisions/0009-streamed-exports.md):
 * the per-user export rate limit, the row count, `export_generated` audited with the filter and the
 * count, then every matching row read in keyset batches only as fast as they are consumed. The CSV and
 * the HTTP answer are the resource route's (app/utils/export.server.ts, app/utils/csv.server.ts).
 */
import type { AuditTargetName } from '#shared/audit.ts'
import { recordAudit } from '#server/audit.server.ts'
import type { Context } from '#server/context.server.ts'
import { after, inBatches } from '#server/queries/batches.ts'
import { consume } from '#server/rate-limit.server.ts'
import { actorOf, enforceRateLimit } from '#server/trpc.ts'

/** One batch's window: Prisma's `take`, and `cursor`/`skip` that resume after the previous batch. */
export interface BatchWindow {
  take: number
  cursor?: { id: string }
  skip?: number
}

/** What the `export_generated` entry says. */
export interface ExportAudit {
  /** What the entry is about (`call`, `interview`, …) and the list's name in its metadata. */
  target: AuditTargetName
  list: string
  /** The parsed input, recorded as the entry's `filter`. */
  filter: unknown
}

/** How to read the export's rows. */
export interface ExportQuery<T extends { id: string }> {
  /** Counts the matching rows (the same filter as `batch`). */
  count: () => Promise<number>
  /** Reads one batch: the filter, the list's sort plus `id` last, and `window`. */
  batch: (window: BatchWindow) => Promise<T[]>
}

/**
 * Runs an export for the signed-in `ctx.user`: TOO_MANY_REQUESTS (with Retry-After) once the export
 * limit is spent; else counts, audits `export_generated` (`{ list, filter, rows }`) in its own
 * transaction, and returns `{ total, rows }`, where `rows` reads batches of 500 lazily (the first one
 * when iteration starts).
 */
export async function streamedExport<T extends { id: string }>(
  ctx: Context & { user: { id: string } },
  audit: ExportAudit,
  query: ExportQuery<T>,
): Promise<{ total: number; rows: AsyncGenerator<T> }> {
  await enforceRateLimit(ctx, () => consume(ctx.services.limits.exports, `user:${ctx.user.id}`))
  const total = await query.count()
  await ctx.prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(ctx), {
      action: 'export_generated',
      target: audit.target,
      metadata: { list: audit.list, filter: audit.filter, rows: total },
    }),
  )
  const rows = inBatches((cursor, take) => query.batch({ take, ...after(cursor) }))
  return { total, rows }
}

/**
 * What tableExport and tablePage (server/pagination.ts) read: the filter, the sort (ending with `id`,
 * for the keyset batches) and the rows. One router builds it once for its list and its export.
 */
export interface TableQuery<Where, OrderBy, T> {
  where: Where
  orderBy: OrderBy
  /** Reads one batch or page with these arguments (the model's `findMany` with the list's `select`). */
  read: (args: { where: Where; orderBy: OrderBy } & BatchWindow) => Promise<T[]>
}

/**
 * streamedExport over one table: counts `table`'s rows matching `query.where` (`table` is the Prisma
 * model, e.g. `ctx.prisma.call`) and reads them through `query.read` in `query.orderBy`. Same limit,
 * audit, result and errors as streamedExport.
 */
export function tableExport<Where, OrderBy, T extends { id: string }>(
  ctx: Context & { user: { id: string } },
  audit: ExportAudit,
  table: { count: (args: { where: Where }) => Promise<number> },
  query: TableQuery<Where, OrderBy, T>,
): Promise<{ total: number; rows: AsyncGenerator<T> }> {
  const { read, ...sorted } = query
  return streamedExport(ctx, audit, {
    count: () => table.count({ where: query.where }),
    batch: (window) => read({ ...sorted, ...window }),
  })
}
