/** Whether the page has hydrated (JavaScript runs). False on the server and during hydration, so both render the same. */
import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * True once React runs in the browser. Components render their no-JavaScript form first (a native
 * select, a native date input) and switch to the richer Mantine control after hydration.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
