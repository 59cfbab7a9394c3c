/** The candidate page's parts: contact details, the status control and the interviews table. */
import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { Form, Link, useLocation, useNavigation } from '@remix-run/react'
import { IconExternalLink } from '@tabler/icons-react'
import { CANDIDATE_STATUS_LABELS, CANDIDATE_STATUSES, type CandidateStatus } from '#shared/vocabulary/candidates.ts'
import { INTERVIEW_TYPE_LABELS, type InterviewStatus, type InterviewType } from '#shared/vocabulary/interviews.ts'
import { callKindText, type CallDirection, type CallOutcome } from '#shared/vocabulary/calls.ts'
import { formatDuration } from '#shared/duration.ts'
import { modalState } from '#app/components/form/child-screen.ts'
import { InterviewStatusBadge } from '#app/components/status-badges.tsx'
import { useFormat } from '#app/utils/format.ts'
import type { ReactNode } from 'react'
import { ScrollContainer } from '#app/components/list/scroll-container.tsx'
import { RecordNotes } from '#app/components/layout/record-notes.tsx'

/** The next step of the pipeline (product.md, Candidates: pipeline), if any. */
const NEXT_STEP: Partial<Record<CandidateStatus, CandidateStatus>> = {
  applied: 'screening',
  screening: 'interviewed',
  interviewed: 'hired',
}

export function ContactDetails(props: {
  /** `phoneText`: the number as people read it (the loader's phoneText); `phone` is the E.164 the link dials. */
  candidate: {
    email: string
    phone: string | null
    phoneText: string | null
    position: string
    resumeUrl: string | null
    notes: string | null
    createdAt: Date | string
  }
}) {
  const format = useFormat()
  const { candidate } = props
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Profile
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Text>
          <Text span c="dimmed">
            Email:{' '}
          </Text>
          <Anchor href={`mailto:${candidate.email}`}>{candidate.email}</Anchor>
        </Text>
        <Text>
          <Text span c="dimmed">
            Phone:{' '}
          </Text>
          {candidate.phone ? <Anchor href={`tel:${candidate.phone}`}>{candidate.phoneText}</Anchor> : '—'}
        </Text>
        <Text>
          <Text span c="dimmed">
            Position:{' '}
          </Text>
          {candidate.position}
        </Text>
        <Text>
          <Text span c="dimmed">
            Added:{' '}
          </Text>
          {format.date(candidate.createdAt)}
        </Text>
        <Text>
          <Text span c="dimmed">
            Resume:{' '}
          </Text>
          {candidate.resumeUrl ? (
            <Anchor href={candidate.resumeUrl} target="_blank" rel="noopener noreferrer">
              Open resume{' '}
              <IconExternalLink size={14} style={{ verticalAlign: 'middle' }} aria-label="(opens in a new tab)" />
            </Anchor>
          ) : (
            '—'
          )}
        </Text>
      </SimpleGrid>
      <RecordNotes notes={candidate.notes} empty="No notes yet." order={3} />
    </Paper>
  )
}

/**
 * Moves the candidate through the pipeline: the natural next step, reject, or any status (a form, so it
 * works without JavaScript). When the candidate has scheduled or in-progress interviews
 * (`openInterviews`), rejecting or hiring goes through the confirmation at `${here}/status` first,
 * which offers to cancel them (product.md, Candidates: rejecting or hiring with interviews ahead); the
 * action sends a "Set any status" to hired or rejected there too.
 */
export function StatusControl({
  status,
  error,
  openInterviews,
  here,
}: {
  status: CandidateStatus
  error?: string
  openInterviews: number
  here: string
}) {
  const navigation = useNavigation()
  const location = useLocation()
  const busy = navigation.state === 'submitting'
  const next = NEXT_STEP[status]
  const asks = (target: CandidateStatus) => openInterviews > 0 && (target === 'rejected' || target === 'hired')
  const confirmLink = (target: CandidateStatus) => `${here}/status?${new URLSearchParams({ status: target })}`
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Pipeline
      </Title>
      <Form method="post">
        <input type="hidden" name="intent" value="status" />
        <Group gap="sm" align="flex-end" wrap="wrap">
          {next &&
            (asks(next) ? (
              <Button component={Link} to={confirmLink(next)} state={modalState(location)}>
                Move to {CANDIDATE_STATUS_LABELS[next].toLowerCase()}
              </Button>
            ) : (
              <Button type="submit" name="status" value={next} loading={busy}>
                Move to {CANDIDATE_STATUS_LABELS[next].toLowerCase()}
              </Button>
            ))}
          {status !== 'rejected' &&
            status !== 'hired' &&
            (asks('rejected') ? (
              <Button
                component={Link}
                to={confirmLink('rejected')}
                state={modalState(location)}
                variant="light"
                color="red"
              >
                Reject
              </Button>
            ) : (
              <Button type="submit" name="status" value="rejected" variant="light" color="red" disabled={busy}>
                Reject
              </Button>
            ))}
        </Group>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="status" />
        <Group gap="sm" align="flex-end" mt="sm">
          <NativeSelect
            label="Set any status"
            name="status"
            defaultValue={status}
            error={error}
            data={CANDIDATE_STATUSES.map((s) => ({ value: s, label: CANDIDATE_STATUS_LABELS[s] }))}
            w={200}
          />
          <Button type="submit" variant="default" disabled={busy}>
            Update status
          </Button>
        </Group>
      </Form>
    </Paper>
  )
}

export interface InterviewRow {
  id: string
  scheduledAt: Date | string
  durationMins: number
  status: InterviewStatus
  interviewType: InterviewType
  interviewerName: string
  score: number | null
}

/** The interviews table's column headers. */
const INTERVIEW_HEADERS = ['When', 'Type', 'Interviewer', 'Status', 'Score']

/** The candidate's interviews, upcoming first, each linking to its page. */
export function CandidateInterviews({ interviews, canOpen }: { interviews: InterviewRow[]; canOpen: boolean }) {
  if (interviews.length === 0) return <Text c="dimmed">No interviews yet.</Text>
  return (
    <RelatedTable label="Interviews" headers={INTERVIEW_HEADERS}>
      {interviews.map((i) => (
        <Table.Tr key={i.id}>
          <WhenCell at={i.scheduledAt} to={`/interviews/${i.id}`} canOpen={canOpen} />
          <Table.Td>
            {INTERVIEW_TYPE_LABELS[i.interviewType]} · {i.durationMins} min
          </Table.Td>
          <Table.Td>{i.interviewerName}</Table.Td>
          <Table.Td>
            <InterviewStatusBadge status={i.status} />
          </Table.Td>
          <Table.Td>{i.score === null ? '—' : `${i.score}/10`}</Table.Td>
        </Table.Tr>
      ))}
    </RelatedTable>
  )
}

export interface CandidateCallRow {
  id: string
  calledAt: Date | string
  direction: CallDirection
  outcome: CallOutcome
  durationSecs: number
  isImportant: boolean
  callerName: string
  /** The number as people read it (the loader's phoneText). */
  callerNumberText: string
}

/** The calls table's column headers. */
const CALL_HEADERS = ['When', 'Caller', 'Call', 'Duration']

/** The calls linked to the candidate, newest first, each linking to the call. */
export function CandidateCalls({ calls, canOpen }: { calls: CandidateCallRow[]; canOpen: boolean }) {
  if (calls.length === 0) return <Text c="dimmed">No calls with or about them yet.</Text>
  return (
    <RelatedTable label="Calls" headers={CALL_HEADERS}>
      {calls.map((c) => (
        <Table.Tr key={c.id}>
          <WhenCell at={c.calledAt} to={`/calls/${c.id}`} canOpen={canOpen} />
          <Table.Td>{`${c.callerName} · ${c.callerNumberText}${c.isImportant ? ' · important' : ''}`}</Table.Td>
          <Table.Td>{callKindText(c)}</Table.Td>
          <Table.Td>{formatDuration(c.durationSecs)}</Table.Td>
        </Table.Tr>
      ))}
    </RelatedTable>
  )
}

/** A table of the candidate's related records, named `label`, with the header cells `headers`; `children` are its rows. */
function RelatedTable(props: { label: string; headers: readonly string[]; children: ReactNode }) {
  return (
    <ScrollContainer minWidth={640}>
      <Table aria-label={props.label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {props.headers.map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{props.children}</Table.Tbody>
      </Table>
    </ScrollContainer>
  )
}

/** A related record's "When" cell: its date and time (`at`), a link to `to` when the user may open it. */
function WhenCell(props: { at: Date | string; to: string; canOpen: boolean }) {
  const format = useFormat()
  return (
    <Table.Td>
      {props.canOpen ? (
        <Anchor component={Link} to={props.to}>
          {format.dateTime(props.at)}
        </Anchor>
      ) : (
        format.dateTime(props.at)
      )}
    </Table.Td>
  )
}
