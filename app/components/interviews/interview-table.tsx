/** The interview list grouped by day (product.md, Interviews: list), in the viewer's time zone. */
import { Table } from '@mantine/core'
import { dayKey } from '#shared/time-zone.ts'
import { INTERVIEW_TYPE_LABELS, type InterviewStatus, type InterviewType } from '#shared/vocabulary/interviews.ts'
import { SortHeader } from '#app/components/list/sort-header.tsx'
import { InterviewStatusBadge } from '#app/components/status-badges.tsx'
import { Cell, Row, RowLink, SubLine } from '#app/components/list/rows.tsx'
import { useFormat } from '#app/utils/format.ts'
import type { ReactNode } from 'react'
import { ScrollContainer } from '#app/components/list/scroll-container.tsx'

/** The fields of an `interviews.list` or `interviews.calendar` item a row or a block shows (rowsOf in rows.server.ts). */
export const INTERVIEW_ROW_FIELDS = [
  'id',
  'scheduledAt',
  'durationMins',
  'status',
  'interviewType',
  'interviewerName',
  'interviewerId',
  'score',
  'candidate',
] as const

export interface InterviewListRow {
  id: string
  scheduledAt: Date | string
  durationMins: number
  status: InterviewStatus
  interviewType: InterviewType
  interviewerName: string
  interviewerId: string | null
  score: number | null
  candidate: { id: string; fullName: string; position: string }
}

export function InterviewTable(props: {
  items: InterviewListRow[]
  sort: { field: string; direction: 'asc' | 'desc' }
  canOpenCandidates: boolean
  empty: ReactNode
}) {
  const format = useFormat()
  const groupByDay = props.sort.field === 'scheduledAt'
  let lastDay = ''
  return (
    <ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Interviews">
        <Table.Thead>
          <Table.Tr>
            <SortHeader field="scheduledAt" sort={props.sort}>
              When
            </SortHeader>
            <Table.Th>Candidate</Table.Th>
            <SortHeader field="interviewType" sort={props.sort}>
              Type
            </SortHeader>
            <SortHeader field="interviewerName" sort={props.sort}>
              Interviewer
            </SortHeader>
            <SortHeader field="status" sort={props.sort}>
              Status
            </SortHeader>
            <Table.Th>Score</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.length === 0 && props.empty}
          {props.items.flatMap((i) => {
            const day = dayKey(i.scheduledAt, format.timeZone)
            const header =
              groupByDay && day !== lastDay ? (
                <Table.Tr key={`day-${day}`} bg="var(--mantine-color-default-hover)">
                  <Table.Th colSpan={6} scope="colgroup">
                    {format.day(i.scheduledAt)}
                  </Table.Th>
                </Table.Tr>
              ) : null
            lastDay = day
            const end = new Date(new Date(i.scheduledAt).getTime() + i.durationMins * 60_000)
            const row = (
              <Row key={i.id} data-testid={`interview-row-${i.id}`}>
                <Cell nowrap>
                  <RowLink
                    to={`/interviews/${i.id}`}
                  >{`${groupByDay ? '' : `${format.date(i.scheduledAt)}, `}${format.time(i.scheduledAt)}–${format.time(end)}`}</RowLink>
                </Cell>
                <Cell>
                  {props.canOpenCandidates ? (
                    <RowLink to={`/candidates/${i.candidate.id}`}>{i.candidate.fullName}</RowLink>
                  ) : (
                    i.candidate.fullName
                  )}
                  <SubLine>{i.candidate.position}</SubLine>
                </Cell>
                <Cell>
                  {INTERVIEW_TYPE_LABELS[i.interviewType]} · {i.durationMins} min
                </Cell>
                <Cell>
                  {i.interviewerName}
                  {i.interviewerId ? '' : ' (outside)'}
                </Cell>
                <Cell>
                  <InterviewStatusBadge status={i.status} />
                </Cell>
                <Cell>{i.score === null ? '—' : `${i.score}/10`}</Cell>
              </Row>
            )
            return header ? [header, row] : [row]
          })}
        </Table.Tbody>
      </Table>
    </ScrollContainer>
  )
}
