/**
 * The parent's half of form screens as routes (product.md, Forms; app/components/form/form-screen.tsx
 * is the child's half): which child outlet a list or detail route shows, how a link opens a child over
 * it, and where "back" goes. Its own module without Mantine's Modal, so a list or detail page loads the
 * modal's code (and its focus trap and scroll lock) only with the form screen that shows one.
 */
import { useLocation, useOutlet } from '@remix-run/react'
import type { ReactNode } from 'react'
import { modalStateOf } from '#app/utils/modal-state.ts'

export { modalState } from '#app/utils/modal-state.ts'

/**
 * For a parent route whose children are form screens: the child outlet, and whether it replaces the
 * parent's content (a plain page) or shows over it (a modal).
 */
export function useChildScreen(): { outlet: ReactNode; replacesContent: boolean } {
  const outlet = useOutlet()
  const location = useLocation()
  return { outlet, replacesContent: outlet !== null && modalStateOf(location) === null }
}

/** Keeps a modal a modal across a failed submission: pass as `<Form state={…}>`. */
export function useFormState(): unknown {
  return useLocation().state
}

/** Where "back" goes: the screen a modal was opened over (with its query string), else `fallback`. */
export function useBackTo(fallback: string): string {
  return modalStateOf(useLocation())?.backTo ?? fallback
}
