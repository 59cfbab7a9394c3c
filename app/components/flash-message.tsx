import { Alert, CloseButton, Group, Text } from '@mantine/core'
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'

/**
 * The message of the change that just happened (product.md, Forms: POST-redirect-GET with a flash):
 * server-rendered so it shows without JavaScript, announced politely to screen readers, dismissible.
 */
export function FlashMessage({ flash }: { flash: { kind: 'success' | 'info'; message: string } }) {
  const [open, setOpen] = useState(true)
  useEffect(() => setOpen(true), [flash])
  if (!open) return null
  return (
    <Alert
      role="status"
      aria-live="polite"
      color={flash.kind === 'success' ? 'green' : 'blue'}
      icon={flash.kind === 'success' ? <IconCircleCheck /> : <IconInfoCircle />}
      mb="md"
      data-testid="flash"
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{flash.message}</Text>
        <CloseButton aria-label="Dismiss message" onClick={() => setOpen(false)} size="sm" />
      </Group>
    </Alert>
  )
}
