/** List constants and the offset list envelope, without zod (product.md, Lists). */
export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100
/** Page sizes a list screen offers. */
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100] as const

/** Lists count at most this many matches (more show as "1,000+"), so no page load counts a million rows. */
export const TOTAL_CAP = 1000

/** What every offset list returns. `pageCount` is at least 1. */
export interface Paginated<T> {
  items: T[]
  /** Matching rows, or the count limit when `totalCapped` (there are more). */
  total: number
  /** True when there are more than `total` matches: show "1,000+". */
  totalCapped: boolean
  page: number
  pageSize: number
  pageCount: number
}

/**
 * A vocabulary's values as select options, in `values`' order, each labelled by `labels[value]`
 * (e.g. `labelled(ROLES, ROLE_LABELS)` for a role filter).
 */
export function labelled<V extends string>(
  values: readonly V[],
  labels: Readonly<Record<V, string>>,
): { value: V; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }))
}
