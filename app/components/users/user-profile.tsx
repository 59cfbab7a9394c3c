/**
 * The parts of the admin's user page (/users/:id; product.md, Users: the user page): page access with
 * where it comes from, the user's sessions with a sign-out button each, and the audit entries about them.
 */
import { Badge, Button, Paper, Table, Text } from '@mantine/core'
import { Form } from '@remix-run/react'
import { PAGE_LABELS, type PageAccess } from '#shared/permissions/policy.ts'
import { AuditEntryRow, type AuditRow } from '#app/components/audit/audit-entry.tsx'
import { useFormat } from '#app/utils/format.ts'

/** One row per page: effective access, the role default and the override (if any). */
export function UserAccessTable({ pages }: { pages: PageAccess[] }) {
  return (
    <Table aria-label="Page access" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Page</Table.Th>
          <Table.Th>Access</Table.Th>
          <Table.Th>From</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {pages.map((p) => (
          <Table.Tr key={p.page}>
            <Table.Td>{PAGE_LABELS[p.page]}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge variant="light" color={p.access ? 'green' : 'gray'} styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}>{p.access ? 'Can open' : 'Cannot open'}</Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {p.source === 'override' ? `Override (${p.override}); the role ${p.roleDefault ? 'would allow' : 'would not allow'} it` : 'Role default'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export interface SessionRow {
  id: string
  device: string
  userAgent: string | null
  ipAddress: string | null
  createdAt: Date | string
  lastSeenAt: Date | string
  expiresAt: Date | string
}

/** The user's sessions; each has a sign-out button posting its id to the page's action. */
export function UserSessionsTable({ sessions, userName }: { sessions: SessionRow[]; userName: string }) {
  const format = useFormat()
  if (sessions.length === 0) return <Text size="sm" c="dimmed">{userName} is not signed in anywhere.</Text>
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={`Sessions of ${userName}`} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>IP address</Table.Th>
            <Table.Th>Signed in</Table.Th>
            <Table.Th>Last seen</Table.Th>
            <Table.Th><Text span size="sm" fw={600}>Sign out</Text></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id} data-testid="user-session">
              <Table.Td><Text size="sm" title={s.userAgent ?? undefined}>{s.device}</Text></Table.Td>
              <Table.Td>{s.ipAddress ?? '—'}</Table.Td>
              <Table.Td>{format.dateTime(s.createdAt)}</Table.Td>
              <Table.Td>{format.dateTime(s.lastSeenAt)}</Table.Td>
              <Table.Td>
                <Form method="post">
                  <input type="hidden" name="id" value={s.id} />
                  <Button type="submit" size="xs" variant="subtle" color="red" aria-label={`Sign out ${s.device} (${s.ipAddress ?? 'unknown IP'})`}>
                    Sign out
                  </Button>
                </Form>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The latest audit entries about the user (those the viewer may see). */
export function UserHistory({ entries }: { entries: AuditRow[] }) {
  if (entries.length === 0) return <Text size="sm" c="dimmed">Nothing recorded about this user yet.</Text>
  return (
    <Paper withBorder={false}>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Audit entries about this user" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>From</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => <AuditEntryRow key={entry.id} entry={entry} />)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}
