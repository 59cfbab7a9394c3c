/**
 * What a list screen sends to the browser (docs/decisions/0017-list-rows-carry-what-they-show.md):
 * loaders keep only the fields a row shows. Long text a row does not show (notes, up to 5,000
 * characters each) would otherwise be serialized into every page's hydration data.
 */

/**
 * `row` with only `fields`. Shape: `Pick<T, K>`; the fields keep their values (dates stay dates for
 * Remix's serializer). Throws nothing; a field the row lacks is left out.
 */
export function pickFields<T extends object, const K extends keyof T>(row: T, fields: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>
  for (const f of fields) if (f in row) out[f] = row[f]
  return out
}
