/** Offset pagination for list procedures: the page is cut and counted in the database. */

export interface PageInput {
  /** 1-based page number. */
  page: number
  /** Rows per page (the schemas cap it at 100). */
  pageSize: number
}

/** Prisma `skip`/`take` for a page. */
export function pageWindow({ page, pageSize }: PageInput) {
  return { skip: (page - 1) * pageSize, take: pageSize }
}

/** The page envelope every list returns: `{ items, total, page, pageSize, pageCount }` (pageCount ≥ 1). */
export function pageResult<T>(items: T[], total: number, { page, pageSize }: PageInput) {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
