import { Button, Group } from '@mantine/core'
import { useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * A form's last row (product.md, Forms): its submit button on the right, named `children`, showing a
 * spinner while a submission is under way.
 */
export function SubmitRow(props: { children: ReactNode }) {
  const navigation = useNavigation()
  return (
    <Group justify="flex-end">
      <Button type="submit" loading={navigation.state === 'submitting'}>
        {props.children}
      </Button>
    </Group>
  )
}
