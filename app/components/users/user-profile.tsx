/**
 * The parts of the admin's user page (/users/:id; product.md, Users: the user page): page access with
 * where it comes from, the user's sessions with a sign-out button each, and the audit entries about them.
 */
import { Badge, Paper, Table, Text } from '@mantine/core'
import { PAGE_LABELS, type PageAccess } from '#shared/permissions/policy.ts'
import { AuditEntryRow, type AuditRow } from '#app/components/audit/audit-entry.tsx'
import { SessionsTable, type SessionRow } from '#app/components/sessions/sessions-table.tsx'
import { ScrollContainer } from '#app/components/list/scroll-container.tsx'
import { PlainHead } from '#app/components/list/plain-head.tsx'

/** One row per page: effective access, the role default and the override (if any). */
export function UserAccessTable({ pages }: { pages: PageAccess[] }) {
  return (
    <Table aria-label="Page access" verticalSpacing={4}>
      <PlainHead columns={['Page', 'Access', 'From']} />
      <Table.Tbody>
        {pages.map((p) => (
          <Table.Tr key={p.page}>
            <Table.Td>{PAGE_LABELS[p.page]}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge
                variant="light"
                color={p.access ? 'green' : 'gray'}
                styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
              >
                {p.access ? 'Can open' : 'Cannot open'}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {p.source === 'override'
                  ? `Override (${p.override}); the role ${p.roleDefault ? 'would allow' : 'would not allow'} it`
                  : 'Role default'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The user's sessions; each has a sign-out button posting its id to the page's action. */
export function UserSessionsTable({ sessions, userName }: { sessions: SessionRow[]; userName: string }) {
  if (sessions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {userName} is not signed in anywhere.
      </Text>
    )
  return <SessionsTable sessions={sessions} label={`Sessions of ${userName}`} rowTestId={() => 'user-session'} />
}

/** The latest audit entries about the user (those the viewer may see). */
export function UserHistory({ entries }: { entries: AuditRow[] }) {
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing recorded about this user yet.
      </Text>
    )
  return (
    <Paper withBorder={false}>
      <ScrollContainer minWidth={640}>
        <Table aria-label="Audit entries about this user" verticalSpacing="xs">
          <PlainHead columns={['When', 'What', 'From']} />
          <Table.Tbody>
            {entries.map((entry) => (
              <AuditEntryRow key={entry.id} entry={entry} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollContainer>
    </Paper>
  )
}
