/**
 * A form screen shown as a Mantine modal over the screen it was opened from (form-screen.tsx). Its own
 * module: a modal opens only after a click on the client (a reload or a direct visit renders the plain
 * page), so its code, focus trap and scroll lock load with the first modal, not with every form page.
 */
import { Modal } from '@mantine/core'
import type { ReactNode } from 'react'

export default function FormModal(props: { title: string; size: string; onClose: () => void; children: ReactNode }) {
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      size={props.size}
      closeButtonProps={{ 'aria-label': 'Close' }}
      returnFocus={false}
    >
      {props.children}
    </Modal>
  )
}
