/**
 * Inputs of the `interviews` router, shared with the /interviews screens and the CSV export, and the
 * status transitions the UI offers (product.md, Interviews).
 */
import * as z from 'zod/mini'
import { dateField, fromBeforeTo, idField, multiLineText, searchField, singleLineText } from './common'
import { paginationInput, sortInput } from './list'
import {
  DEFAULT_DURATION_MINS,
  INTERVIEW_STATUSES,
  INTERVIEW_TYPES,
  PAST_OUTCOMES,
} from '#shared/vocabulary/interviews.ts'

export {
  BUSY_INTERVIEW_STATUSES,
  DEFAULT_DURATION_MINS,
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_STATUSES,
  INTERVIEW_TRANSITIONS,
  INTERVIEW_TYPE_LABELS,
  INTERVIEW_TYPES,
  PAST_OUTCOMES,
  type InterviewStatus,
  type InterviewType,
  type PastOutcome,
} from '#shared/vocabulary/interviews.ts'

export const interviewStatusField = z.enum(INTERVIEW_STATUSES, { error: 'Unknown status' })
export const interviewTypeField = z.enum(INTERVIEW_TYPES, { error: 'Choose an interview type' })
/** How a past interview went, when it is recorded after the fact. */
export const pastOutcomeField = z.enum(PAST_OUTCOMES, { error: 'Choose completed, no-show or cancelled' })

/** Bounds of an interview's length in minutes (the default is in the vocabulary). */
export const durationField = z.coerce
  .number({ error: 'Duration must be a number of minutes' })
  .check(
    z.int('Duration must be whole minutes'),
    z.gte(5, 'Duration must be at least 5 minutes'),
    z.lte(480, 'Duration must be at most 480 minutes (8 hours)'),
  )

export const interviewerNameField = singleLineText('Interviewer name', 100)
export const interviewNotesField = multiLineText('Notes', 5000)
export const scoreCommentField = multiLineText("Scorer's comment", 5000)
export const scoreField = z.coerce
  .number({ error: 'Score must be a number' })
  .check(
    z.int('Score must be a whole number'),
    z.gte(1, 'Score must be from 1 to 10'),
    z.lte(10, 'Score must be from 1 to 10'),
  )

export const INTERVIEW_SORT_FIELDS = ['scheduledAt', 'interviewerName', 'status', 'interviewType'] as const

/** The filters of the interview list, its week view and its export. */
const interviewFilters = z.object({
  from: z.optional(dateField('From')),
  to: z.optional(dateField('To')),
  status: z.optional(interviewStatusField),
  interviewType: z.optional(interviewTypeField),
  candidateId: z.optional(idField),
  interviewerId: z.optional(idField),
  search: searchField,
  sort: sortInput(INTERVIEW_SORT_FIELDS, { field: 'scheduledAt', direction: 'asc' }),
})

/** `interviews.list`: `from` ≤ scheduledAt < `to`; search matches the candidate's or interviewer's name. */
export const InterviewListInput = z.extend(paginationInput, interviewFilters.shape).check(fromBeforeTo())
export type InterviewListInput = z.input<typeof InterviewListInput>

/** `interviews.export`: the list's filters and sort, every matching row. */
export const InterviewExportInput = interviewFilters.check(fromBeforeTo())

/** `interviews.calendar`: the week view's blocks, at most CALENDAR_LIMIT of them. */
export const CALENDAR_LIMIT = 400
export const InterviewCalendarInput = z
  .object({
    from: dateField('From'),
    to: dateField('To'),
    status: z.optional(interviewStatusField),
    interviewerId: z.optional(idField),
    candidateId: z.optional(idField),
  })
  .check(
    fromBeforeTo(),
    z.refine((v) => v.to.getTime() - v.from.getTime() <= 31 * 86_400_000, {
      message: 'The range must be at most 31 days',
      path: ['to'],
    }),
  )

export const InterviewIdInput = z.object({ id: idField })

/** Picker searches (`interviews.interviewers`, `interviews.candidateOptions`). */
export const OptionSearchInput = z.object({ search: searchField, selected: z.optional(idField) })

/**
 * `interviews.schedule` and the "Schedule interview" form: an interviewer who is a user
 * (`interviewerId`) or an outside interviewer's name (`interviewerName`), not both. Without `outcome`
 * the start is now or later (a few minutes of tolerance); with `outcome` it records a past interview
 * with that status (product.md, Interviews: scheduling and the clock).
 */
export const InterviewScheduleInput = z
  .object({
    candidateId: idField,
    interviewerId: z.optional(idField),
    interviewerName: z.optional(interviewerNameField),
    scheduledAt: dateField('Start'),
    durationMins: z._default(durationField, DEFAULT_DURATION_MINS),
    interviewType: interviewTypeField,
    notes: z.optional(interviewNotesField),
    outcome: z.optional(pastOutcomeField),
  })
  .check(
    z.refine((v) => Boolean(v.interviewerId) !== Boolean(v.interviewerName), {
      message: 'Choose an interviewer or type the name of an outside interviewer (one of the two)',
      path: ['interviewerId'],
    }),
  )
export type InterviewScheduleInput = z.input<typeof InterviewScheduleInput>

/** `interviews.update` (reschedule): only while scheduled; omitted fields stay as they are. */
export const InterviewUpdateInput = z
  .object({
    id: idField,
    interviewerId: z.optional(idField),
    interviewerName: z.optional(interviewerNameField),
    scheduledAt: z.optional(dateField('Start')),
    durationMins: z.optional(durationField),
    interviewType: z.optional(interviewTypeField),
    notes: z.optional(z.nullable(interviewNotesField)),
  })
  .check(
    z.refine((v) => !(v.interviewerId && v.interviewerName), {
      message: 'Choose an interviewer or type the name of an outside interviewer, not both',
      path: ['interviewerId'],
    }),
  )
export type InterviewUpdateInput = z.input<typeof InterviewUpdateInput>

export const InterviewSetStatusInput = z.object({ id: idField, status: interviewStatusField })

/**
 * `interviews.score`: 1-10, only once completed, by whoever may score it. `scoreComment` is the
 * scorer's comment (its own field: the booking notes are not touched); omitted keeps it, null clears it.
 */
export const InterviewScoreInput = z.object({
  id: idField,
  score: scoreField,
  scoreComment: z.optional(z.nullable(scoreCommentField)),
})
