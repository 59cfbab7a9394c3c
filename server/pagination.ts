/**
 * Offset pagination for list procedures (product.md, Lists): the page is cut and counted in the
 * database. `page` here is a page number; see shared/schemas/list.ts.
 */
import { TOTAL_CAP, type Paginated, type PaginationInput } from '#shared/schemas/list.ts'
import type { TableQuery } from '#server/exports.server.ts'

/**
 * Prisma `orderBy` for a list sorted by `sort` whose ties fall to its time column `time`
 * (`calledAt`, `scheduledAt`) and then `id`: `[field, time, id]`, or `[time, id]` when sorting by
 * `time`. Ties follow the sort's direction, so one index read forwards or backwards serves either order.
 */
export function orderWithTies(sort: { field: string; direction: 'asc' | 'desc' }, time: string) {
  const order = sort.field === time ? [time, 'id'] : [sort.field, time, 'id']
  return order.map((field) => ({ [field]: sort.direction }))
}

/** Prisma `skip`/`take` for page number `page` of `pageSize` rows. */
export function offsetWindow({ page, pageSize }: PaginationInput) {
  return { skip: (page - 1) * pageSize, take: pageSize }
}

/** How many rows a list counts at most: TOTAL_CAP, or up to the requested page if that is further. */
function countLimit({ page, pageSize }: PaginationInput): number {
  return Math.max(TOTAL_CAP, page * pageSize)
}

/**
 * Prisma `take` for the list's `count`: one row past the limit, so the count stops early on a large
 * table instead of reading every match (product.md, Lists: totals past 1,000 show as "1,000+").
 * Give the count the list's own `orderBy`: Prisma orders a limited count (by id unless told), and
 * the list's order is the one its indexes serve.
 */
export function countWindow(input: PaginationInput) {
  return { take: countLimit(input) + 1 }
}

/**
 * The `Paginated<T>` envelope: `{ items, total, totalCapped, page, pageSize, pageCount }` from a
 * count taken with `countWindow`. Past the limit, `total` is the limit, `totalCapped` is true and
 * `pageCount` offers one page more than the limit reaches (pageCount ≥ 1).
 */
export function paginated<T>(items: T[], counted: number, input: PaginationInput): Paginated<T> {
  const limit = countLimit(input)
  const totalCapped = counted > limit
  const total = totalCapped ? limit : counted
  return {
    items,
    total,
    totalCapped,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize) + (totalCapped ? 1 : 0)),
  }
}

/**
 * One page of an offset list (product.md, Lists): `count` with `countWindow` and `rows` with
 * `offsetWindow`, run at once, as a `Paginated<T>`. Give both the list's filter and `orderBy`.
 */
export async function offsetPage<T>(
  input: PaginationInput,
  read: {
    count: (window: { take: number }) => Promise<number>
    rows: (window: { skip: number; take: number }) => Promise<T[]>
  },
): Promise<Paginated<T>> {
  const [total, items] = await Promise.all([read.count(countWindow(input)), read.rows(offsetWindow(input))])
  return paginated(items, total, input)
}

/**
 * offsetPage over one table, the list's twin of tableExport: counts `table`'s rows matching
 * `query.where` (in `query.orderBy`, with `countWindow`; `table` is the Prisma model, e.g.
 * `ctx.prisma.call`) and reads the page through `query.read` with `offsetWindow`. The same `query`
 * serves the list and its export.
 */
export function tablePage<Where, OrderBy, T>(
  input: PaginationInput,
  table: { count: (args: { where: Where; orderBy: OrderBy; take: number }) => Promise<number> },
  query: TableQuery<Where, OrderBy, T>,
): Promise<Paginated<T>> {
  const { read, ...sorted } = query
  return offsetPage(input, {
    count: (window) => table.count({ ...sorted, ...window }),
    rows: (window) => read({ ...sorted, ...window }),
  })
}
