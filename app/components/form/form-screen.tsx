/**
 * Create, edit and confirm screens are routes (product.md, Forms): without JavaScript, or when opened
 * by address, they are plain pages; opened from a link that carries `modalState(location)`, they show
 * as a Mantine modal over the screen they were opened from (their parent route keeps rendering).
 */
import { Anchor, Modal, Paper, Stack, Title } from '@mantine/core'
import { Link, useLocation, useNavigate, useOutlet, type Location } from '@remix-run/react'
import { IconArrowLeft } from '@tabler/icons-react'
import type { ReactNode } from 'react'

interface ModalState {
  modal: true
  /** Where closing the modal goes: the screen it was opened over, with its query string. */
  backTo: string
}

function modalStateOf(location: Location): ModalState | null {
  const state = location.state as Partial<ModalState> | null
  return state?.modal === true && typeof state.backTo === 'string' ? { modal: true, backTo: state.backTo } : null
}

/** Link `state` that opens a create/edit/confirm route as a modal over the current screen. */
export function modalState(location: Location): ModalState {
  return { modal: true, backTo: `${location.pathname}${location.search}` }
}

/**
 * For a parent route whose children are form screens: the child outlet, and whether it replaces the
 * parent's content (a plain page) or shows over it (a modal).
 */
export function useChildScreen(): { outlet: ReactNode; replacesContent: boolean } {
  const outlet = useOutlet()
  const location = useLocation()
  return { outlet, replacesContent: outlet !== null && modalStateOf(location) === null }
}

/** A form screen: a titled page with a way back, or a modal when opened over another screen. */
export function FormScreen(props: { title: string; backTo: string; backLabel?: string; size?: string; children: ReactNode }) {
  const location = useLocation()
  const navigate = useNavigate()
  const modal = modalStateOf(location)
  if (modal) {
    return (
      <Modal opened onClose={() => navigate(modal.backTo, { preventScrollReset: true })} title={props.title} size={props.size ?? 'lg'}>
        {props.children}
      </Modal>
    )
  }
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to={props.backTo} size="sm">
        <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> {props.backLabel ?? 'Back'}
      </Anchor>
      <Title order={1} size="h2">{props.title}</Title>
      <Paper withBorder p="md">{props.children}</Paper>
    </Stack>
  )
}

/** Keeps a modal a modal across a failed submission: pass as `<Form state={…}>`. */
export function useFormState(): unknown {
  return useLocation().state
}

/** Where "back" goes: the screen a modal was opened over (with its query string), else `fallback`. */
export function useBackTo(fallback: string): string {
  return modalStateOf(useLocation())?.backTo ?? fallback
}
