/** The call log's rows (product.md, Calls: the log). */
import { Table, Text } from '@mantine/core'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatDuration } from '#shared/duration.ts'
import { dayKey } from '#shared/time-zone.ts'
import { callKindText, type CallDirection, type CallOutcome } from '#shared/vocabulary/calls.ts'
import {
  Cell,
  inlineFormClass,
  Pill,
  Row,
  RowActionButton,
  RowIconSprite,
  RowLink,
  SubLine,
  type RowColor,
} from '#app/components/list/rows.tsx'
import { SortHeader } from '#app/components/list/sort-header.tsx'
import { useFormat } from '#app/utils/format.ts'
import { ScrollContainer } from '#app/components/list/scroll-container.tsx'

/** The fields of a `calls.list` item a row shows (the loader keeps only these; rowsOf in rows.server.ts). */
export const CALL_ROW_FIELDS = [
  'id',
  'callerName',
  'callerNumber',
  'direction',
  'outcome',
  'durationSecs',
  'isImportant',
  'calledAt',
  'candidate',
] as const

export interface CallRow {
  id: string
  callerName: string
  callerNumber: string
  /** The number as people read it (the loader's phoneText). */
  callerNumberText: string
  direction: CallDirection
  outcome: CallOutcome
  durationSecs: number
  isImportant: boolean
  calledAt: Date | string
  candidate: { id: string; fullName: string } | null
}

const OUTCOME_COLORS: Record<CallOutcome, RowColor> = {
  answered: 'green',
  missed: 'red',
  busy: 'orange',
  voicemail: 'grape',
}
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' })

/** "just now", "12 minutes ago", "3 hours ago" for today; the date and time otherwise. */
export function useCallTime(now: number) {
  const format = useFormat()
  const today = dayKey(new Date(now), format.timeZone)
  return (value: Date | string) => {
    const at = new Date(value)
    if (dayKey(at, format.timeZone) !== today) return format.dateTime(at)
    const minutes = Math.round((now - at.getTime()) / 60_000)
    if (minutes < 1) return 'just now'
    return minutes < 60 ? relative.format(-minutes, 'minute') : relative.format(-Math.floor(minutes / 60), 'hour')
  }
}

/** The one-click important flag: a form button, so it works without JavaScript. */
export function ImportantToggle({
  call,
  canUpdate,
  returnTo,
}: {
  call: { id: string; isImportant: boolean; callerName: string }
  canUpdate: boolean
  returnTo: string
}) {
  const label = call.isImportant
    ? `Unflag the call with ${call.callerName}`
    : `Flag the call with ${call.callerName} as important`
  if (!canUpdate) return call.isImportant ? <Pill color="yellow">Important</Pill> : null
  return (
    <Form method="post" action={`/calls/${call.id}`} preventScrollReset className={inlineFormClass}>
      <input type="hidden" name="intent" value="important" />
      <input type="hidden" name="isImportant" value={call.isImportant ? 'false' : 'true'} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <RowActionButton
        icon={call.isImportant ? 'star-filled' : 'star'}
        color={call.isImportant ? 'yellow' : 'gray'}
        tooltip={call.isImportant ? 'Important: click to unflag' : 'Flag as important'}
        label={label}
        aria-pressed={call.isImportant}
      />
    </Form>
  )
}

export function CallTable(props: {
  items: CallRow[]
  sort: { field: string; direction: 'asc' | 'desc' }
  now: number
  canUpdate: boolean
  canOpenCandidates: boolean
  returnTo: string
  empty: ReactNode
}) {
  const when = useCallTime(props.now)
  return (
    <ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>
              <Text span size="sm" fw={600}>
                Flag
              </Text>
            </Table.Th>
            <SortHeader field="calledAt" sort={props.sort}>
              When
            </SortHeader>
            <SortHeader field="callerName" sort={props.sort}>
              Caller
            </SortHeader>
            <Table.Th>Call</Table.Th>
            <SortHeader field="durationSecs" sort={props.sort}>
              Duration
            </SortHeader>
            <Table.Th>Candidate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.length === 0 && props.empty}
          {props.items.map((c) => (
            <Row key={c.id} data-testid={`call-row-${c.id}`}>
              <Cell>
                <ImportantToggle call={c} canUpdate={props.canUpdate} returnTo={props.returnTo} />
              </Cell>
              <Cell nowrap>
                <RowLink to={`/calls/${c.id}`}>{when(c.calledAt)}</RowLink>
              </Cell>
              <Cell strong>
                {c.callerName}
                <SubLine>{c.callerNumberText}</SubLine>
              </Cell>
              <Cell nowrap>
                <Pill variant="dot" color={OUTCOME_COLORS[c.outcome]}>
                  {callKindText(c)}
                </Pill>
              </Cell>
              <Cell>{formatDuration(c.durationSecs)}</Cell>
              <Cell>
                {c.candidate ? (
                  props.canOpenCandidates ? (
                    <RowLink to={`/candidates/${c.candidate.id}`}>{c.candidate.fullName}</RowLink>
                  ) : (
                    c.candidate.fullName
                  )
                ) : (
                  '—'
                )}
              </Cell>
            </Row>
          ))}
        </Table.Tbody>
      </Table>
      <RowIconSprite />
    </ScrollContainer>
  )
}
