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

/** Statuses that occupy the interviewer's time (product.md, Interviews: no double-booking). */
export const BUSY_INTERVIEW_STATUSES = ['scheduled', 'in_progress'] as const satisfies readonly InterviewStatus[]

/** An interview's default length in minutes. */
export const DEFAULT_DURATION_MINS = 60
