/** Query-string helpers for list screens (filters, sort and pagination live in the URL). */
import { useSearchParams } from '@remix-run/react'
import { useCallback } from 'react'

/** Returns `update(changes)`: sets/deletes params (null or '' deletes) and resets to page 1 unless `page` is given. */
export function useUpdateSearchParams() {
  const [params, setParams] = useSearchParams()
  const update = useCallback(
    (changes: Record<string, string | number | null | undefined>) => {
      const next = new URLSearchParams(params)
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === undefined || v === '') next.delete(k)
        else next.set(k, String(v))
      }
      if (!('page' in changes)) next.delete('page')
      setParams(next, { preventScrollReset: true, replace: 'search' in changes || 'q' in changes })
    },
    [params, setParams],
  )
  return [params, update] as const
}
