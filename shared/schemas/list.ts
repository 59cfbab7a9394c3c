/**
 * The one list shape (product.md, Lists). Offset lists take `page` (a page *number*, from 1) and
 * `pageSize` (at most MAX_PAGE_SIZE) and return a `Paginated<T>`; keyset lists (the audit log) take
 * `cursor` and `limit` and return `{ items, nextCursor }` (docs/decisions/0004-offset-and-keyset-lists.md).
 * In code, "page" alone means a screen (`pageProcedure`, `pageField`); a page number is `page: number`.
 */
import * as z from 'zod/mini'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '#shared/vocabulary/list.ts'

export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PAGE_SIZE_OPTIONS,
  TOTAL_CAP,
  type Paginated,
} from '#shared/vocabulary/list.ts'

/** 1-based page number. */
export const pageNumberField = z._default(
  z.coerce
    .number({ error: 'Page must be a number' })
    .check(
      z.int('Page must be a whole number'),
      z.gte(1, 'Page starts at 1'),
      z.lte(100_000, 'Page must be at most 100000'),
    ),
  1,
)

/** Rows per page, 1..MAX_PAGE_SIZE. */
export const pageSizeField = z._default(
  z.coerce
    .number({ error: 'Page size must be a number' })
    .check(
      z.int('Page size must be a whole number'),
      z.gte(1, 'Page size must be at least 1'),
      z.lte(MAX_PAGE_SIZE, `Page size must be at most ${MAX_PAGE_SIZE}`),
    ),
  DEFAULT_PAGE_SIZE,
)

/** The pagination every offset list input extends: `{ page, pageSize }`. */
export const paginationInput = z.object({ page: pageNumberField, pageSize: pageSizeField })
export type PaginationInput = z.output<typeof paginationInput>

export const SORT_DIRECTIONS = ['asc', 'desc'] as const
export type SortDirection = (typeof SORT_DIRECTIONS)[number]

/** `sort: { field, direction }` over `fields`, defaulting to `fallback`. */
export function sortInput<const F extends readonly [string, ...string[]]>(
  fields: F,
  fallback: { field: F[number]; direction: SortDirection },
) {
  return z._default(
    z.object({
      field: z.enum(fields, { error: 'Unknown sort field' }),
      direction: z._default(z.enum(SORT_DIRECTIONS, { error: 'Direction is asc or desc' }), 'asc'),
    }),
    { field: fallback.field, direction: fallback.direction },
  )
}

/** Keyset pagination (newest first): an opaque `cursor` from the previous answer and a `limit`. */
export const keysetInput = z.object({
  cursor: z.optional(
    z.string().check(z.maxLength(200, 'Invalid cursor'), z.regex(/^[A-Za-z0-9_-]*$/, 'Invalid cursor')),
  ),
  limit: z._default(
    z.coerce
      .number({ error: 'Limit must be a number' })
      .check(
        z.int(),
        z.gte(1, 'Limit must be at least 1'),
        z.lte(MAX_PAGE_SIZE, `Limit must be at most ${MAX_PAGE_SIZE}`),
      ),
    DEFAULT_PAGE_SIZE,
  ),
})
