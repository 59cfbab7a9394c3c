/** Streaming a whole filtered list (CSV exports) without holding it in memory. */

/**
 * Yields every row of a sorted query, `size` rows per database round trip, resuming after the last
 * row's id each time (Prisma's cursor pagination over `ORDER BY <sort>, id`, an index range scan at
 * any depth). `fetchPage(cursor, take)` runs one page; `cursor` is undefined for the first.
 */
export async function* inBatches<T extends { id: string }>(
  fetchPage: (cursor: string | undefined, take: number) => Promise<T[]>,
  size = 500,
): AsyncGenerator<T> {
  let cursor: string | undefined
  for (;;) {
    const rows = await fetchPage(cursor, size)
    yield* rows
    if (rows.length < size) return
    cursor = rows[rows.length - 1]!.id
  }
}

/** Prisma `cursor`/`skip` arguments that resume after `cursor` (none for the first page). */
export function after(cursor: string | undefined): { cursor?: { id: string }; skip?: number } {
  return cursor ? { cursor: { id: cursor }, skip: 1 } : {}
}
