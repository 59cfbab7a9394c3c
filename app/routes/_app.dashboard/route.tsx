import { Anchor, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconPhone,
  IconPhoneOff,
  IconStar,
  IconUsers,
  IconUserSearch,
  type Icon,
} from '@tabler/icons-react'
import { auditTargetLink, describeAuditEntry } from '#shared/audit-text.ts'
import { INTERVIEW_TYPE_LABELS } from '#shared/vocabulary/interviews.ts'
import { CallsByDayChart, CandidatesByStatusChart, InterviewsByDayChart } from '#app/components/dashboard/charts.tsx'
import { Cell, Row, rowClasses, RowLink, SubLine } from '#app/components/list/rows.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { useFormat } from '#app/utils/format.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Dashboard · Gatehouse' }]

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'dashboard')
  return loadOrThrow(ctx, request, () => caller(ctx).dashboard.summary())
}

/**
 * A number that links to the filtered list it counts (product.md, Dashboard); a capped count
 * (`{ count, capped }`) reads "1,000+", as the list it links to does.
 */
function StatCard({
  label,
  value,
  to,
  icon: CardIcon,
  tone,
}: {
  label: string
  value: number | { count: number; capped: boolean } | null
  to: string
  icon: Icon
  tone?: string
}) {
  if (value === null) return null
  const shown =
    typeof value === 'number'
      ? value.toLocaleString('en-GB')
      : `${value.count.toLocaleString('en-GB')}${value.capped ? '+' : ''}`
  return (
    <Card withBorder padding="md" component={Link} to={to} data-testid={`card-${to}`}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" fw={600}>
          {label}
        </Text>
        <CardIcon size={20} aria-hidden color={tone ? `var(--mantine-color-${tone}-7)` : undefined} />
      </Group>
      <Text fz={30} fw={700} mt={4}>
        {shown}
      </Text>
    </Card>
  )
}

type Interview = NonNullable<Awaited<ReturnType<typeof loader>>['upcomingInterviews']>[number]

function InterviewList({ items, empty, label }: { items: Interview[]; empty: string; label: string }) {
  const format = useFormat()
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    )
  return (
    <Table verticalSpacing="xs" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Candidate</Table.Th>
          <Table.Th>Interview</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Row key={i.id}>
            <Cell>
              <RowLink
                to={`/interviews/${i.id}`}
              >{`${format.day(i.scheduledAt).replace(/,? \d{4}$/, '')}, ${format.time(i.scheduledAt)}`}</RowLink>
            </Cell>
            <Cell strong>
              {i.candidate.fullName}
              <SubLine>{i.candidate.position}</SubLine>
            </Cell>
            <Cell>{`${INTERVIEW_TYPE_LABELS[i.interviewType]} · ${i.interviewerName}`}</Cell>
          </Row>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export default function Dashboard() {
  const { cards, charts, myNextInterviews, upcomingInterviews, recentActivity } = useLoaderData<typeof loader>()
  const format = useFormat()
  const ability = useAbility()
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Dashboard
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="stat-cards">
        <StatCard
          label="Open candidates"
          value={cards.openCandidates}
          to="/candidates?status=open"
          icon={IconUserSearch}
        />
        <StatCard
          label="Interviews today"
          value={cards.interviewsToday}
          to="/interviews?range=today"
          icon={IconCalendarEvent}
        />
        <StatCard
          label="Interviews this week"
          value={cards.interviewsThisWeek}
          to="/interviews?range=week"
          icon={IconCalendarEvent}
        />
        <StatCard label="Calls today" value={cards.callsToday} to="/calls?range=today" icon={IconPhone} />
        <StatCard
          label="Missed calls today"
          value={cards.missedCallsToday}
          to="/calls?range=today&direction=inbound&outcome=missed"
          icon={IconPhoneOff}
          tone="red"
        />
        <StatCard
          label="Important calls to follow up"
          value={cards.importantCalls}
          to="/calls?isImportant=true"
          icon={IconStar}
          tone="yellow"
        />
        <StatCard label="Active users" value={cards.activeUsers} to="/users?active=true" icon={IconUsers} />
      </SimpleGrid>
      {(charts.candidatesByStatus || charts.callsByDay || charts.interviewsByDay) && (
        <SimpleGrid cols={{ base: 1, lg: 3 }}>
          {charts.candidatesByStatus && <CandidatesByStatusChart data={charts.candidatesByStatus} />}
          {charts.interviewsByDay && <InterviewsByDayChart data={charts.interviewsByDay} />}
          {charts.callsByDay && <CallsByDayChart data={charts.callsByDay} />}
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {myNextInterviews && myNextInterviews.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              Your next interviews
            </Title>
            <InterviewList items={myNextInterviews} empty="" label="Your next interviews" />
          </Paper>
        )}
        {upcomingInterviews && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              Upcoming interviews
            </Title>
            <InterviewList items={upcomingInterviews} empty="Nothing scheduled." label="Upcoming interviews" />
          </Paper>
        )}
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Recent activity
            </Title>
            <Anchor component={Link} to="/audit" size="sm">
              The whole audit log
            </Anchor>
          </Group>
          {recentActivity.length === 0 ? (
            <Text c="dimmed" size="sm">
              No activity you can see yet.
            </Text>
          ) : (
            <Table verticalSpacing="xs" aria-label="Recent activity">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What happened</Table.Th>
                  <Table.Th>When</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recentActivity.map((entry) => {
                  const link = auditTargetLink(entry, (page) => ability.can('read', page))
                  const text = describeAuditEntry(entry)
                  return (
                    <Row key={entry.id}>
                      <Cell>
                        {entry.action === 'login_failed' && (
                          <IconAlertTriangle size={14} aria-label="Warning" style={{ marginRight: 4 }} />
                        )}
                        {link ? (
                          <RowLink to={link.href} aria-label={`${text}. ${link.label}`}>
                            {text}
                          </RowLink>
                        ) : (
                          text
                        )}
                      </Cell>
                      <Cell>
                        <span className={rowClasses.dimmed} title={format.dateTime(entry.timestamp)}>
                          {format.dateTime(entry.timestamp)}
                        </span>
                      </Cell>
                    </Row>
                  )
                })}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
