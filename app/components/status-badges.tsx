/** Status badges for candidates and interviews: colour plus the word, never colour alone (lean pills, cheap per row). */
import { Pill, type RowColor } from '#app/components/list/rows.tsx'
import { CANDIDATE_STATUS_LABELS, type CandidateStatus } from '#shared/vocabulary/candidates.ts'
import { INTERVIEW_STATUS_LABELS, type InterviewStatus } from '#shared/vocabulary/interviews.ts'

const CANDIDATE_COLORS: Record<CandidateStatus, RowColor> = {
  applied: 'blue',
  screening: 'cyan',
  interviewed: 'violet',
  hired: 'green',
  rejected: 'gray',
}
const INTERVIEW_COLORS: Record<InterviewStatus, RowColor> = {
  scheduled: 'blue',
  in_progress: 'orange',
  completed: 'green',
  cancelled: 'gray',
  no_show: 'red',
}

export function CandidateStatusBadge({ status }: { status: CandidateStatus }) {
  return <Pill color={CANDIDATE_COLORS[status]}>{CANDIDATE_STATUS_LABELS[status]}</Pill>
}

export function InterviewStatusBadge({ status }: { status: InterviewStatus }) {
  return <Pill color={INTERVIEW_COLORS[status]}>{INTERVIEW_STATUS_LABELS[status]}</Pill>
}
