/**
 * Create, edit and confirm screens are routes (product.md, Forms): without JavaScript, or when opened
 * by address, they are plain pages; opened from a link that carries `modalState(location)`, they show
 * as a Mantine modal over the screen they were opened from (their parent route keeps rendering).
 * The parent's half (`useChildScreen`, `modalState`, `useFormState`, `useBackTo`) is in
 * ./child-screen.ts, which does not load the modal.
 */
import { Anchor, Paper, Stack, Title } from '@mantine/core'
import { Link, useLocation, useNavigate } from '@remix-run/react'
import { IconArrowLeft } from '@tabler/icons-react'
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react'
import { modalStateOf } from '#app/utils/modal-state.ts'

const FormModal = lazy(() => import('./form-modal'))

/** A form screen: a titled page with a way back, or a modal when opened over another screen. */
export function FormScreen(props: {
  title: string
  backTo: string
  backLabel?: string
  size?: string
  children: ReactNode
}) {
  const location = useLocation()
  const navigate = useNavigate()
  const modal = modalStateOf(location)
  useReturnFocusOnUnmount(modal !== null)
  if (modal) {
    return (
      <Suspense fallback={null}>
        <FormModal
          title={props.title}
          size={props.size ?? 'lg'}
          onClose={() => navigate(modal.backTo, { preventScrollReset: true })}
        >
          {props.children}
        </FormModal>
      </Suspense>
    )
  }
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to={props.backTo} size="sm">
        <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> {props.backLabel ?? 'Back'}
      </Anchor>
      <Title order={1} size="h2">
        {props.title}
      </Title>
      <Paper withBorder p="md">
        {props.children}
      </Paper>
    </Stack>
  )
}

/**
 * A modal route is mounted by a navigation, so Mantine never sees it open or close: remember the
 * control that opened it (focused when the modal first renders) and give focus back to it when the
 * modal goes away (Escape, the close button, Cancel), if it is still on the page.
 */
function useReturnFocusOnUnmount(active: boolean) {
  const opener = useRef(typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null))
  const pending = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => {
    if (!active) return
    // React's development double mount unmounts once at once: cancel that one's return.
    clearTimeout(pending.current)
    const el = opener.current // set once, at the first render
    return () => {
      pending.current = setTimeout(() => {
        if (el && el !== document.body && el.isConnected) el.focus()
      })
    }
  }, [active])
}
