/** The call log's rows (product.md, Calls: the log). */
import { ActionIcon, Anchor, Badge, Table, Text, Tooltip } from '@mantine/core'
import { Form, Link } from '@remix-run/react'
import { IconStar, IconStarFilled } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { formatDuration } from '#shared/duration.ts'
import { formatPhone, type PhoneRegion } from '#shared/phone.ts'
import { dayKey } from '#shared/time-zone.ts'
import { CALL_STATUS_LABELS, CALL_TYPE_LABELS, type CallStatus, type CallType } from '#shared/schemas/calls.ts'
import { SortHeader } from '#app/components/list/sort-header.tsx'
import { useFormat } from '#app/utils/format.ts'

export interface CallRow {
  id: string
  callerName: string
  callerNumber: string
  callType: CallType
  status: CallStatus
  durationSecs: number
  isImportant: boolean
  calledAt: Date | string
  candidate: { id: string; fullName: string } | null
}

const TYPE_COLORS: Record<CallType, string> = { inbound: 'blue', outbound: 'teal', missed: 'red', voicemail: 'grape' }
const STATUS_COLORS: Record<CallStatus, string> = { answered: 'green', missed: 'red', busy: 'orange', voicemail: 'grape' }
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
export function ImportantToggle({ call, canUpdate, returnTo }: { call: { id: string; isImportant: boolean; callerName: string }; canUpdate: boolean; returnTo: string }) {
  const Icon = call.isImportant ? IconStarFilled : IconStar
  const label = call.isImportant ? `Unflag the call with ${call.callerName}` : `Flag the call with ${call.callerName} as important`
  if (!canUpdate) return call.isImportant ? <Badge color="yellow" variant="light">Important</Badge> : null
  return (
    <Form method="post" action={`/calls/${call.id}`} preventScrollReset style={{ display: 'inline' }}>
      <input type="hidden" name="intent" value="important" />
      <input type="hidden" name="isImportant" value={call.isImportant ? 'false' : 'true'} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Tooltip label={call.isImportant ? 'Important: click to unflag' : 'Flag as important'} openDelay={300}>
        <ActionIcon type="submit" variant="subtle" color={call.isImportant ? 'yellow' : 'gray'} aria-label={label} aria-pressed={call.isImportant}>
          <Icon size={18} />
        </ActionIcon>
      </Tooltip>
    </Form>
  )
}

export function CallTable(props: {
  items: CallRow[]
  sort: { field: string; direction: 'asc' | 'desc' }
  now: number
  region: PhoneRegion
  canUpdate: boolean
  canOpenCandidates: boolean
  returnTo: string
  empty: ReactNode
}) {
  const when = useCallTime(props.now)
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}><Text span size="sm" fw={600}>Flag</Text></Table.Th>
            <SortHeader field="calledAt" sort={props.sort}>When</SortHeader>
            <SortHeader field="callerName" sort={props.sort}>Caller</SortHeader>
            <Table.Th>Type</Table.Th>
            <Table.Th>Status</Table.Th>
            <SortHeader field="durationSecs" sort={props.sort}>Duration</SortHeader>
            <Table.Th>Candidate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.length === 0 && props.empty}
          {props.items.map((c) => (
            <Table.Tr key={c.id} data-testid={`call-row-${c.id}`}>
              <Table.Td><ImportantToggle call={c} canUpdate={props.canUpdate} returnTo={props.returnTo} /></Table.Td>
              <Table.Td><Anchor component={Link} to={`/calls/${c.id}`}>{when(c.calledAt)}</Anchor></Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>{c.callerName}</Text>
                <Text size="xs" c="dimmed">{formatPhone(c.callerNumber, props.region)}</Text>
              </Table.Td>
              <Table.Td><Badge variant="light" color={TYPE_COLORS[c.callType]}>{CALL_TYPE_LABELS[c.callType]}</Badge></Table.Td>
              <Table.Td><Badge variant="dot" color={STATUS_COLORS[c.status]}>{CALL_STATUS_LABELS[c.status]}</Badge></Table.Td>
              <Table.Td>{formatDuration(c.durationSecs)}</Table.Td>
              <Table.Td>
                {c.candidate ? (props.canOpenCandidates ? <Anchor component={Link} to={`/candidates/${c.candidate.id}`}>{c.candidate.fullName}</Anchor> : c.candidate.fullName) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
