/** Building list URLs from the current one (product.md, Lists): filters, sort and page live in the query string. */
import { useLocation } from '@remix-run/react'
import { useCallback } from 'react'

/**
 * `hrefWith(changes)` -> the current path with query parameters set (or removed for null/''), and
 * back to page 1 unless `page` is among the changes.
 */
export function useListHref() {
  const location = useLocation()
  return useCallback(
    (changes: Record<string, string | number | null | undefined>) => {
      const next = new URLSearchParams(location.search)
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === undefined || v === '') next.delete(k)
        else next.set(k, String(v))
      }
      if (!('page' in changes)) next.delete('page')
      const query = next.toString()
      return `${location.pathname}${query ? `?${query}` : ''}`
    },
    [location.pathname, location.search],
  )
}
