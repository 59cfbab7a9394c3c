/**
 * A person's sessions (product.md, Security baseline: sessions): device, IP, when it started and
 * was last used, and a sign-out button per session posting its `id` to the page's action. Used by
 * /settings/sessions (your own; the current one is marked and cannot be signed out here) and by an
 * admin's /users/:id.
 */
import { Badge, Button, Table, Text } from '@mantine/core'
import { Form } from '@remix-run/react'
import { useFormat } from '#app/utils/format.ts'
import { ScrollContainer } from '#app/components/list/scroll-container.tsx'

export interface SessionRow {
  id: string
  device: string
  userAgent: string | null
  ipAddress: string | null
  createdAt: Date | string
  lastSeenAt: Date | string
  /** The session of this very request (settings only). */
  current?: boolean
}

export function SessionsTable({
  sessions,
  label,
  rowTestId,
}: {
  sessions: SessionRow[]
  label: string
  rowTestId: (s: SessionRow) => string
}) {
  const format = useFormat()
  return (
    <ScrollContainer minWidth={640}>
      <Table aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>IP address</Table.Th>
            <Table.Th>Signed in</Table.Th>
            <Table.Th>Last seen</Table.Th>
            <Table.Th>
              <Text span size="sm" fw={600}>
                Sign out
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id} data-testid={rowTestId(s)}>
              <Table.Td>
                <Text size="sm" title={s.userAgent ?? undefined}>
                  {s.device}
                </Text>
                {s.current && (
                  <Badge size="sm" color="green" variant="light">
                    This device
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.ipAddress ?? '—'}</Table.Td>
              <Table.Td>{format.dateTime(s.createdAt)}</Table.Td>
              <Table.Td>{format.dateTime(s.lastSeenAt)}</Table.Td>
              <Table.Td>
                {!s.current && (
                  <Form method="post">
                    <input type="hidden" name="id" value={s.id} />
                    <Button
                      type="submit"
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Sign out ${s.device} (${s.ipAddress ?? 'unknown IP'})`}
                    >
                      Sign out
                    </Button>
                  </Form>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollContainer>
  )
}
