/**
 * The link state that opens a form route as a modal over the screen it was opened from
 * (product.md, Forms), kept apart from the modal itself so the browser entry can read it cheaply.
 */
import type { Location } from '@remix-run/react'

interface ModalState {
  modal: true
  /** Where closing the modal goes: the screen it was opened over, with its query string. */
  backTo: string
}

export function modalStateOf(location: Location): ModalState | null {
  const state = location.state as Partial<ModalState> | null
  return state?.modal === true && typeof state.backTo === 'string' ? { modal: true, backTo: state.backTo } : null
}

/**
 * Before hydration: removes the modal flag from the current history entry, so a reloaded form route
 * renders as the plain page the server sent (a modal opens only from a link on the client).
 */
export function dropModalState(history: History): void {
  const state = history.state as { usr?: unknown } | null
  if (state && typeof state === 'object' && (state.usr as Partial<ModalState> | null)?.modal === true) {
    history.replaceState({ ...state, usr: null }, '')
  }
}

/** Link `state` that opens a create/edit/confirm route as a modal over the current screen. */
export function modalState(location: Location): ModalState {
  return { modal: true, backTo: `${location.pathname}${location.search}` }
}
