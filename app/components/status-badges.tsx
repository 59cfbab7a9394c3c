/** Status badges for candidates and interviews: colour plus the word, never colour alone. */
import { Badge } from '@mantine/core'
import { CANDIDATE_STATUS_LABELS, type CandidateStatus } from '#shared/schemas/candidates.ts'
import { INTERVIEW_STATUS_LABELS, type InterviewStatus } from '#shared/schemas/interviews.ts'

const CANDIDATE_COLORS: Record<CandidateStatus, string> = { applied: 'blue', screening: 'cyan', interviewed: 'violet', hired: 'green', rejected: 'gray' }
const INTERVIEW_COLORS: Record<InterviewStatus, string> = { scheduled: 'blue', in_progress: 'orange', completed: 'green', cancelled: 'gray', no_show: 'red' }

export function CandidateStatusBadge({ status }: { status: CandidateStatus }) {
  return <Badge variant="light" color={CANDIDATE_COLORS[status]}>{CANDIDATE_STATUS_LABELS[status]}</Badge>
}

export function InterviewStatusBadge({ status }: { status: InterviewStatus }) {
  return <Badge variant="light" color={INTERVIEW_COLORS[status]}>{INTERVIEW_STATUS_LABELS[status]}</Badge>
}
