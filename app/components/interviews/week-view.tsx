/**
 * The week view (product.md, Interviews: week view): one row per interviewer, one column per day, each
 * interview a block with its time, type and candidate, so clashes and gaps show at a glance. A text
 * table, so it reads the same with a screen reader and without JavaScript. Blocks and cells are plain
 * elements (week-view.module.css) with Mantine's look: a week holds up to CALENDAR_LIMIT blocks.
 */
import { Table, Text } from '@mantine/core'
import { dayKey, formatDay } from '#shared/time-zone.ts'
import { INTERVIEW_STATUS_LABELS, INTERVIEW_TYPE_LABELS } from '#shared/vocabulary/interviews.ts'
import { RowLink } from '#app/components/list/rows.tsx'
import { useFormat } from '#app/utils/format.ts'
import type { InterviewListRow } from './interview-table'
import classes from './week-view.module.css'
import { ScrollContainer } from '#app/components/list/scroll-container.tsx'

export function WeekView({ items, days }: { items: InterviewListRow[]; days: string[] }) {
  const format = useFormat()
  const byInterviewer = new Map<string, { name: string; cells: Map<string, InterviewListRow[]> }>()
  for (const i of items) {
    const key = i.interviewerId ?? `name:${i.interviewerName.toLowerCase()}`
    const row = byInterviewer.get(key) ?? {
      name: i.interviewerId ? i.interviewerName : `${i.interviewerName} (outside)`,
      cells: new Map(),
    }
    const day = dayKey(i.scheduledAt, format.timeZone)
    const cell = row.cells.get(day)
    if (cell) cell.push(i)
    else row.cells.set(day, [i])
    byInterviewer.set(key, row)
  }
  const rows = [...byInterviewer.values()].sort((a, b) => a.name.localeCompare(b.name))
  return (
    <ScrollContainer minWidth={1100}>
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
              <Table.Td colSpan={days.length + 1}>
                <Text c="dimmed" ta="center" py="md">
                  No interviews this week match the filters.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <tr key={row.name} className={classes.tr}>
              <th scope="row">{row.name}</th>
              {days.map((d) => (
                <td key={d}>
                  <div className={classes.blocks}>
                    {(row.cells.get(d) ?? []).map((i) => {
                      const end = new Date(new Date(i.scheduledAt).getTime() + i.durationMins * 60_000)
                      return (
                        <div key={i.id} className={classes.block} data-status={i.status}>
                          <RowLink to={`/interviews/${i.id}`}>
                            {`${format.time(i.scheduledAt)}–${format.time(end)}`}
                          </RowLink>
                          <span className={classes.line}>
                            {INTERVIEW_TYPE_LABELS[i.interviewType]} · {i.candidate.fullName}
                          </span>
                          {i.status !== 'scheduled' && (
                            <span className={classes.status}>{INTERVIEW_STATUS_LABELS[i.status]}</span>
                          )}
                        </div>
                      )
                    })}
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollContainer>
  )
}
