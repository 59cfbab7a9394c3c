import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { Link, useLocation } from '@remix-run/react'
import { IconHistory, IconPencil, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { modalState } from '#app/components/form/child-screen.ts'

/**
 * The top of a record's page: the breadcrumb back to `parent` ending in `name`, the `title` heading
 * (h1) with `badges` beside it, `children` (dimmed lines) under it, and `actions` on the right.
 */
export function DetailHeader(props: {
  parent: { to: string; label: string }
  name: string
  title: ReactNode
  badges?: ReactNode
  children: ReactNode
  actions: ReactNode
}) {
  return (
    <>
      <Text size="sm">
        <Link to={props.parent.to}>{props.parent.label}</Link> / {props.name}
      </Text>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {props.title}
            </Title>
            {props.badges}
          </Group>
          {props.children}
        </Stack>
        {props.actions}
      </Group>
    </>
  )
}

/** The record's Edit button: opens `to` (its edit screen) as a modal over this page. */
export function EditButton({ to }: { to: string }) {
  const location = useLocation()
  return (
    <Button
      component={Link}
      to={to}
      state={modalState(location)}
      variant="default"
      leftSection={<IconPencil size={16} />}
    >
      Edit
    </Button>
  )
}

/**
 * A record's action buttons: `children` first, then History (the audit log filtered to `history`),
 * Edit (`editTo`) and Delete (`deleteTo`, a modal confirmation). Edit and Delete show only when given:
 * the page passes them after its own `ability.can` check.
 */
export function RecordActions(props: { children?: ReactNode; history: string; editTo?: string; deleteTo?: string }) {
  const location = useLocation()
  return (
    <Group gap="sm">
      {props.children}
      <Button component={Link} to={props.history} variant="subtle" leftSection={<IconHistory size={16} />}>
        History
      </Button>
      {props.editTo && <EditButton to={props.editTo} />}
      {props.deleteTo && (
        <Button
          component={Link}
          to={props.deleteTo}
          state={modalState(location)}
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} />}
        >
          Delete
        </Button>
      )}
    </Group>
  )
}
