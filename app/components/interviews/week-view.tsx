/**
 * The week view (product.md, Interviews: week view): one row per interviewer, one column per day, each
 * interview a block with its time, type and candidate, so clashes and gaps show at a glance. A text
 * table, so it reads the same with a screen reader and without JavaScript.
 */
import { Anchor, Paper, Stack, Table, Text } from '@mantine/core'
import { Link } from '@remix-run/react'
import { dayKey, formatDay } from '#shared/time-zone.ts'
import { INTERVIEW_STATUS_LABELS, INTERVIEW_TYPE_LABELS } from '#shared/vocabulary/interviews.ts'
import { useFormat } from '#app/utils/format.ts'
import type { InterviewListRow } from './interview-table'

const STATUS_BORDER: Record<string, string> = {
  scheduled: 'var(--mantine-color-blue-6)',
  in_progress: 'var(--mantine-color-orange-6)',
  completed: 'var(--mantine-color-green-6)',
  cancelled: 'var(--mantine-color-gray-5)',
  no_show: 'var(--mantine-color-red-6)',
}

export function WeekView({ items, days }: { items: InterviewListRow[]; days: string[] }) {
  const format = useFormat()
  const byInterviewer = new Map<string, { name: string; cells: Map<string, InterviewListRow[]> }>()
  for (const i of items) {
    const key = i.interviewerId ?? `name:${i.interviewerName.toLowerCase()}`
    const row = byInterviewer.get(key) ?? { name: i.interviewerId ? i.interviewerName : `${i.interviewerName} (outside)`, cells: new Map() }
    const day = dayKey(i.scheduledAt, format.timeZone)
    row.cells.set(day, [...(row.cells.get(day) ?? []), i])
    byInterviewer.set(key, row)
  }
  const rows = [...byInterviewer.values()].sort((a, b) => a.name.localeCompare(b.name))
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table withColumnBorders aria-label="Interviews by interviewer and day" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>Interviewer</Table.Th>
            {days.map((d) => (
              <Table.Th key={d}>{formatDay(`${d}T12:00:00Z`, 'UTC').replace(/ \d{4}$/, '')}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={days.length + 1}><Text c="dimmed" ta="center" py="md">No interviews this week match the filters.</Text></Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Table.Tr key={row.name}>
              <Table.Th scope="row" style={{ verticalAlign: 'top' }}>{row.name}</Table.Th>
              {days.map((d) => (
                <Table.Td key={d} style={{ verticalAlign: 'top', padding: 4 }}>
                  <Stack gap={4}>
                    {(row.cells.get(d) ?? []).map((i) => {
                      const end = new Date(new Date(i.scheduledAt).getTime() + i.durationMins * 60_000)
                      return (
                        <Paper key={i.id} withBorder p={4} style={{ borderLeft: `4px solid ${STATUS_BORDER[i.status]}` }}>
                          <Anchor component={Link} to={`/interviews/${i.id}`} size="xs" fw={600}>
                            {`${format.time(i.scheduledAt)}–${format.time(end)}`}
                          </Anchor>
                          <Text size="xs">{INTERVIEW_TYPE_LABELS[i.interviewType]} · {i.candidate.fullName}</Text>
                          {i.status !== 'scheduled' && <Text size="xs" c="dimmed">{INTERVIEW_STATUS_LABELS[i.status]}</Text>}
                        </Paper>
                      )
                    })}
                  </Stack>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
