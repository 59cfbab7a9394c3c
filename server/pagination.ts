/**
 * Offset pagination for list procedures (product.md, Lists): the page is cut and counted in the
 * database. `page` here is a page number; see shared/schemas/list.ts.
 */
import type { Paginated, PaginationInput } from '#shared/schemas/list.ts'

/** Prisma `skip`/`take` for page number `page` of `pageSize` rows. */
export function offsetWindow({ page, pageSize }: PaginationInput) {
  return { skip: (page - 1) * pageSize, take: pageSize }
}

/** The `Paginated<T>` envelope: `{ items, total, page, pageSize, pageCount }` (pageCount ≥ 1). */
export function paginated<T>(items: T[], total: number, { page, pageSize }: PaginationInput): Paginated<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
