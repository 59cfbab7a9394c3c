/**
 * The one list shape (product.md, Lists). Offset lists take `page` (a page *number*, from 1) and
 * `pageSize` (at most MAX_PAGE_SIZE) and return a `Paginated<T>`; keyset lists (the audit log) take
 * `cursor` and `limit` and return `{ items, nextCursor }` (docs/decisions/0004-offset-and-keyset-lists.md).
 * In code, "page" alone means a screen (`pageProcedure`, `pageField`); a page number is `page: number`.
 */
import { z } from 'zod'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '#shared/vocabulary/list.ts'

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PAGE_SIZE_OPTIONS, TOTAL_CAP, type Paginated } from '#shared/vocabulary/list.ts'

/** 1-based page number. */
export const pageNumberField = z.coerce
  .number({ error: 'Page must be a number' })
  .int('Page must be a whole number')
  .min(1, 'Page starts at 1')
  .max(100_000, 'Page must be at most 100000')
  .default(1)

/** Rows per page, 1..MAX_PAGE_SIZE. */
export const pageSizeField = z.coerce
  .number({ error: 'Page size must be a number' })
  .int('Page size must be a whole number')
  .min(1, 'Page size must be at least 1')
  .max(MAX_PAGE_SIZE, `Page size must be at most ${MAX_PAGE_SIZE}`)
  .default(DEFAULT_PAGE_SIZE)

/** The pagination every offset list input extends: `{ page, pageSize }`. */
export const paginationInput = z.object({ page: pageNumberField, pageSize: pageSizeField })
export type PaginationInput = z.output<typeof paginationInput>

export const SORT_DIRECTIONS = ['asc', 'desc'] as const
export type SortDirection = (typeof SORT_DIRECTIONS)[number]

/** `sort: { field, direction }` over `fields`, defaulting to `fallback`. */
export function sortInput<const F extends readonly [string, ...string[]]>(fields: F, fallback: { field: F[number]; direction: SortDirection }) {
  return z
    .object({
      field: z.enum(fields, { error: 'Unknown sort field' }),
      direction: z.enum(SORT_DIRECTIONS, { error: 'Direction is asc or desc' }).default('asc'),
    })
    .default({ field: fallback.field, direction: fallback.direction })
}

/** Keyset pagination (newest first): an opaque `cursor` from the previous answer and a `limit`. */
export const keysetInput = z.object({
  cursor: z.string().max(200, 'Invalid cursor').regex(/^[A-Za-z0-9_-]*$/, 'Invalid cursor').optional(),
  limit: z.coerce.number({ error: 'Limit must be a number' }).int().min(1, 'Limit must be at least 1').max(MAX_PAGE_SIZE, `Limit must be at most ${MAX_PAGE_SIZE}`).default(DEFAULT_PAGE_SIZE),
})
