import { Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'
import type { Flash } from '#app/utils/flash.server.ts'
import { useEffect, useState } from 'react'
import { Notice, NoticeCloseButton, type NoticeColor } from './notice'

const COLORS: Record<Flash['kind'], NoticeColor> = { success: 'green', info: 'blue', error: 'red' }

/**
 * The message of the change that just happened (product.md, Forms: POST-redirect-GET with a flash):
 * server-rendered so it shows without JavaScript, announced to screen readers (an error at once, the
 * others politely), dismissible. On ./notice.tsx (the layout shows it on every page).
 */
export function FlashMessage({ flash }: { flash: Flash }) {
  const [open, setOpen] = useState(true)
  useEffect(() => setOpen(true), [flash])
  if (!open) return null
  return (
    <Notice
      role={flash.kind === 'error' ? 'alert' : 'status'}
      aria-live={flash.kind === 'error' ? 'assertive' : 'polite'}
      color={COLORS[flash.kind]}
      icon={
        flash.kind === 'success' ? (
          <IconCircleCheck />
        ) : flash.kind === 'error' ? (
          <IconAlertTriangle />
        ) : (
          <IconInfoCircle />
        )
      }
      style={{ marginBottom: 'var(--mantine-spacing-md)' }}
      data-testid="flash"
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{flash.message}</Text>
        <NoticeCloseButton label="Dismiss message" onClick={() => setOpen(false)} />
      </Group>
    </Notice>
  )
}
