/**
 * What a list screen sends to the browser (docs/decisions/0017-list-rows-carry-what-they-show.md):
 * loaders keep only the fields a row shows. Long text a row does not show (notes, up to 5,000
 * characters each) would otherwise be serialized into every page's hydration data.
 */
import { plainIp } from '#shared/ip.ts'
import { describeDevice } from '#server/auth/device.server.ts'

type Item<L extends { items: object[] }> = L['items'][number]

/**
 * `list` (a procedure's answer with `items`: a `Paginated<T>`, the calendar's `{ items, truncated }`)
 * with each item cut to `fields`, plus what `extra` computes from the whole item (display text such
 * as `phoneText`). Every other key of `list` (total, page, …) is kept. Dates stay dates for Remix's
 * serializer. Throws nothing; a field an item lacks is left out.
 */
export function rowsOf<L extends { items: object[] }, const K extends keyof Item<L>, E extends object = object>(
  list: L,
  fields: readonly K[],
  extra?: (item: Item<L>) => E,
): Omit<L, 'items'> & { items: Array<Pick<Item<L>, K> & E> } {
  const items = list.items.map((item: Item<L>) => {
    const row = {} as Pick<Item<L>, K>
    for (const f of fields) if (f in item) row[f] = item[f]
    return extra ? { ...row, ...extra(item) } : row
  })
  return { ...list, items: items as Array<Pick<Item<L>, K> & E> }
}

/**
 * An audit entry as the log's rows show it (the audit log and a user's history): the device in words
 * instead of the user agent, and the IP as people write it (older entries kept IPv4 as `::ffff:…`).
 */
export function auditRow<E extends { userAgent: string | null; ipAddress: string | null }>({
  userAgent,
  ...entry
}: E): Omit<E, 'userAgent'> & { device: string } {
  return { ...entry, ipAddress: plainIp(entry.ipAddress), device: describeDevice(userAgent) }
}
