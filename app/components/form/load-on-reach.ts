/**
 * Controls whose code loads the first time a person reaches them (docs/decisions/0019-remix-on-vite.md,
 * "Loading less"): the date pickers, the searchable picker and the user menu render a look-alike
 * first (the same label, value and place on the page) and swap in the real control, a lazy module,
 * when the pointer or focus reaches the look-alike. What a page loads until the network is idle then
 * leaves out the calendars, the combobox and the positioning library (floating-ui).
 */
import { startTransition, useEffect, useState, type RefObject, type SyntheticEvent } from 'react'

/** What the person did before the real control arrived: pressed it (`opened`), or gave it focus. */
export interface Reach {
  opened: boolean
  focused: boolean
}

/**
 * `reach` is null until the pointer or focus first reaches an element carrying `handlers`; then it
 * says whether it was pressed (click, pointer down, Enter, Space or Arrow Down) and whether it has
 * focus. The state changes in a transition, so the look-alike stays mounted (focus and pointer
 * included) until the lazy module has arrived: render `<Suspense fallback={lookAlike}>` around
 * `reach ? <Real … /> : lookAlike`.
 */
export function useLoadOnReach() {
  const [reach, setReach] = useState<Reach | null>(null)
  const want = (opened: boolean, event: SyntheticEvent) => {
    const focused = typeof document !== 'undefined' && document.activeElement === event.currentTarget
    startTransition(() =>
      setReach((r) => ({ opened: opened || Boolean(r?.opened), focused: focused || Boolean(r?.focused) })),
    )
  }
  const handlers = {
    onPointerEnter: (event: SyntheticEvent) => want(false, event),
    onFocus: (event: SyntheticEvent) => want(false, event),
    onPointerDown: (event: SyntheticEvent) => want(true, event),
    onClick: (event: SyntheticEvent) => want(true, event),
    onKeyDown: (event: SyntheticEvent & { key: string }) => {
      if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown') want(true, event)
    },
  }
  return { reach, handlers }
}

/**
 * For the real control, once mounted in place of its look-alike: give focus to the first element
 * `selector` matches inside `wrapper` if the look-alike had it, and call `open` with that element if
 * the look-alike was pressed. Runs once, on mount.
 */
export function useTakeOver(
  wrapper: RefObject<HTMLElement | null>,
  reach: Reach | undefined,
  selector: string,
  open?: (element: HTMLElement) => void,
) {
  useEffect(() => {
    const element = wrapper.current?.querySelector<HTMLElement>(selector)
    if (!element || !reach) return
    if (reach.focused || reach.opened) element.focus()
    if (reach.opened) open?.(element)
    // Only on mount: afterwards the control handles focus itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
