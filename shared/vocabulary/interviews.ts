/** The interviews vocabulary without zod, so screens that only show interviews do not ship it (product.md, Interviews). */
export const INTERVIEW_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled', 'no_show'] as const
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number]
export const INTERVIEW_TYPES = ['phone_screen', 'video', 'onsite', 'technical', 'final'] as const
export type InterviewType = (typeof INTERVIEW_TYPES)[number]

export const INTERVIEW_STATUS_LABELS: Record<InterviewStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
}
export const INTERVIEW_TYPE_LABELS: Record<InterviewType, string> = {
  phone_screen: 'Phone screen',
  video: 'Video',
  onsite: 'Onsite',
  technical: 'Technical',
  final: 'Final',
}

/**
 * Allowed status changes (product.md, Interviews: status): scheduled -> in progress, completed,
 * cancelled or no-show; in progress -> completed or cancelled; the other three are final.
 */
export const INTERVIEW_TRANSITIONS: Record<InterviewStatus, readonly InterviewStatus[]> = {
  scheduled: ['in_progress', 'completed', 'cancelled', 'no_show'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
  no_show: [],
}

/** Statuses that occupy the interviewer's and the candidate's time (product.md, Interviews: no double-booking). */
export const BUSY_INTERVIEW_STATUSES = ['scheduled', 'in_progress'] as const satisfies readonly InterviewStatus[]

/** An interview's default length in minutes. */
export const DEFAULT_DURATION_MINS = 60

/** Statuses a past interview may be recorded with (product.md, Interviews: scheduling and the clock). */
export const PAST_OUTCOMES = ['completed', 'no_show', 'cancelled'] as const satisfies readonly InterviewStatus[]
export type PastOutcome = (typeof PAST_OUTCOMES)[number]

/**
 * The tolerance for clock skew when booking, in minutes: a start up to this long ago still counts as
 * "now" (product.md, Interviews: scheduling and the clock). Earlier starts are past interviews.
 */
export const PAST_START_TOLERANCE_MINS = 5

/** How long before its start an interview may be marked in progress, in minutes (people arrive early). */
export const IN_PROGRESS_EARLY_MINS = 10

const MINUTE_MS = 60_000

/**
 * Whether `start` is too far in the past to book as a scheduled interview at `now` (more than
 * PAST_START_TOLERANCE_MINS ago).
 */
export function isPastStart(start: Date, now: Date): boolean {
  return start.getTime() < now.getTime() - PAST_START_TOLERANCE_MINS * MINUTE_MS
}

/**
 * The first moment an interview starting at `scheduledAt` may be set to `status` (product.md,
 * Interviews: status): completed and no-show at the start, in progress IN_PROGRESS_EARLY_MINS before
 * it; null for a status that does not wait for the clock (cancelled, scheduled).
 */
export function statusOpensAt(status: InterviewStatus, scheduledAt: Date): Date | null {
  switch (status) {
    case 'in_progress':
      return new Date(scheduledAt.getTime() - IN_PROGRESS_EARLY_MINS * MINUTE_MS)
    case 'completed':
    case 'no_show':
      return new Date(scheduledAt.getTime())
    default:
      return null
  }
}

/** The statuses an interview may move to at `now`: the allowed transitions whose time has come. */
export function transitionsAt(interview: { status: InterviewStatus; scheduledAt: Date }, now: Date): InterviewStatus[] {
  return INTERVIEW_TRANSITIONS[interview.status].filter((s) => {
    const opens = statusOpensAt(s, interview.scheduledAt)
    return opens === null || opens.getTime() <= now.getTime()
  })
}

/** Whether an interview may be scored at `now`: completed, and its start has come (product.md, Interviews: score). */
export function canBeScoredAt(interview: { status: InterviewStatus; scheduledAt: Date }, now: Date): boolean {
  return interview.status === 'completed' && interview.scheduledAt.getTime() <= now.getTime()
}
