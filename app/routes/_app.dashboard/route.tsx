import { Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { IconCalendarEvent, IconPhone, IconUsers, IconUserSearch } from '@tabler/icons-react'
import type { Icon as TablerIcon } from "@tabler/icons-react"
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { humanizeAction, useFormat } from '#app/utils/format.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller, loadOrThrow } from '#app/utils/procedure.server.ts'

export const meta: MetaFunction = () => [{ title: 'Dashboard · Gatehouse' }]

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'dashboard')
  return loadOrThrow(ctx, request, () => caller(ctx).dashboard.summary())
}

function StatCard({ label, value, to, icon: Icon }: { label: string; value: number | null; to: string; icon: TablerIcon }) {
  if (value === null) return null
  return (
    <Card withBorder padding="lg" component={Link} to={to} aria-label={`${label}: ${value}`}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">{label}</Text>
        <Icon size={22} />
      </Group>
      <Text fz={32} fw={700} mt="xs">{value.toLocaleString('en-GB')}</Text>
    </Card>
  )
}

export default function Dashboard() {
  const format = useFormat()
  const { stats, recentActivity, upcomingInterviews } = useLoaderData<typeof loader>()
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">Dashboard</Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="stat-cards">
        <StatCard label="Users" value={stats.users} to="/users" icon={IconUsers} />
        <StatCard label="Candidates" value={stats.candidates} to="/candidates" icon={IconUserSearch} />
        <StatCard label="Upcoming interviews" value={stats.interviews} to="/interviews" icon={IconCalendarEvent} />
        <StatCard label="Calls" value={stats.calls} to="/calls" icon={IconPhone} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">Recent activity</Title>
          {recentActivity.length === 0 ? (
            <Text c="dimmed" size="sm">No activity you can see yet.</Text>
          ) : (
            <Table verticalSpacing="xs" aria-label="Recent activity">
              <Table.Tbody>
                {recentActivity.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      <Badge variant="light" size="sm">{humanizeAction(entry.action)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {entry.actor?.fullName ?? 'Someone'}
                        {entry.targetUser && entry.targetUser.id !== entry.actor?.id ? ` → ${entry.targetUser.fullName}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">{format.dateTime(entry.timestamp)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        {stats.interviews !== null && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">Upcoming interviews</Title>
            {upcomingInterviews.length === 0 ? (
              <Text c="dimmed" size="sm">Nothing scheduled.</Text>
            ) : (
              <Table verticalSpacing="xs" aria-label="Upcoming interviews">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Candidate</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Interviewer</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {upcomingInterviews.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td><Text size="sm">{format.dateTime(i.scheduledAt)}</Text></Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>{i.candidate.fullName}</Text>
                        <Text size="xs" c="dimmed">{i.candidate.position}</Text>
                      </Table.Td>
                      <Table.Td><Text size="sm">{i.interviewType} · {i.durationMins} min</Text></Table.Td>
                      <Table.Td><Text size="sm">{i.interviewerName}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        )}
      </SimpleGrid>
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
