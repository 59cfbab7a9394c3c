/** Inputs of the `calls` router, shared with the call log, its forms and the CSV export (product.md, Calls). */
import * as z from 'zod/mini'
import { parseDuration } from '#shared/duration.ts'
import type { PhoneRegion } from '#shared/phone.ts'
import {
  booleanField,
  clearable,
  dateField,
  fromBeforeTo,
  idField,
  multiLineText,
  searchField,
  singleLineText,
} from './common'
import { paginationInput, sortInput } from './list'
import { requiredPhoneInput } from './phone'
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  durationProblem,
  outcomeProblem,
  type CallDirection,
  type CallOutcome,
} from '#shared/vocabulary/calls.ts'

export {
  CALL_DIRECTION_LABELS,
  CALL_DIRECTIONS,
  CALL_OUTCOME_LABELS,
  CALL_OUTCOMES,
  type CallDirection,
  type CallOutcome,
} from '#shared/vocabulary/calls.ts'

export const callDirectionField = z.enum(CALL_DIRECTIONS, { error: 'Unknown call direction: inbound or outbound' })
export const callOutcomeField = z.enum(CALL_OUTCOMES, {
  error: 'Unknown call outcome: answered, missed, busy or voicemail',
})

/** The longest call we record: a day, in seconds. */
export const MAX_CALL_SECONDS = 86_400
/** How far in the future a call time may be (clock skew between browser and server), in ms. */
const FUTURE_TOLERANCE_MS = 5 * 60_000

/** A duration as seconds (a number) or as text: "90", "1:30" (m:ss) or "1:02:03" (h:mm:ss). */
export const durationSecsField = z.pipe(
  z.pipe(
    z.union(
      [
        z.number({ error: 'Duration must be a number of seconds' }),
        z.string().check(z.trim(), z.maxLength(12, 'Duration is too long')),
      ],
      {
        error: 'Duration must be seconds or m:ss',
      },
    ),
    z.transform((v: number | string, ctx) => {
      if (typeof v === 'number') return v
      const secs = parseDuration(v)
      if (secs === null) {
        ctx.issues.push({ code: 'custom', message: 'Duration must be seconds or m:ss, e.g. 4:05', input: v })
        return z.NEVER
      }
      return secs
    }),
  ),
  z
    .number()
    .check(
      z.int('Duration must be whole seconds'),
      z.gte(0, 'Duration cannot be negative'),
      z.lte(MAX_CALL_SECONDS, 'Duration must be at most 24 hours'),
    ),
)

/**
 * When the call happened: a date, never in the future of `now()` (the services' clock on the server,
 * the browser's clock in the form's own check).
 */
export function calledAtField(now: () => Date) {
  return dateField('Time').check(
    z.refine((d) => d.getTime() <= now().getTime() + FUTURE_TOLERANCE_MS, 'The call time cannot be in the future'),
  )
}

const browserClock = () => new Date()

export const callerNameField = singleLineText('Caller name', 100)
export const callNotesField = multiLineText('Notes', 5000)

export const CALL_SORT_FIELDS = ['calledAt', 'durationSecs', 'callerName'] as const

/** The filters of the call log and its export. */
const callFilters = z.object({
  search: searchField,
  direction: z.optional(callDirectionField),
  outcome: z.optional(callOutcomeField),
  isImportant: z.optional(booleanField('Important')),
  candidateId: z.optional(idField),
  from: z.optional(dateField('From')),
  to: z.optional(dateField('To')),
  sort: sortInput(CALL_SORT_FIELDS, { field: 'calledAt', direction: 'desc' }),
})

/** `calls.list`: newest first by default; search matches the caller's name or number (any format typed). */
export const CallListInput = z.extend(paginationInput, callFilters.shape).check(fromBeforeTo())
export type CallListInput = z.input<typeof CallListInput>

/** `calls.export`: the log's filters and sort, every matching row. */
export const CallExportInput = callFilters.check(fromBeforeTo())

export const CallIdInput = z.object({ id: idField })

/**
 * The call rules (product.md, Calls: direction and outcome) over the fields an input carries: an
 * inbound call is never busy (at `outcome`), a missed or busy call has no duration (at
 * `durationSecs`; an absent duration is 0 when `absentDurationIsZero`, as `calls.log` stores it).
 * An edit that sends only some of the fields is checked against the stored call by the router.
 */
function callRules(absentDurationIsZero: boolean) {
  return z.superRefine<{ direction?: CallDirection; outcome?: CallOutcome; durationSecs?: number }>((v, ctx) => {
    if (!v.outcome) return
    const outcome = v.direction ? outcomeProblem(v.direction, v.outcome) : null
    if (outcome) ctx.addIssue({ code: 'custom', message: outcome, path: ['outcome'], input: v.outcome })
    const durationSecs = v.durationSecs ?? (absentDurationIsZero ? 0 : undefined)
    const duration = durationSecs === undefined ? null : durationProblem(v.outcome, durationSecs)
    if (duration) ctx.addIssue({ code: 'custom', message: duration, path: ['durationSecs'], input: v.durationSecs })
  })
}

/**
 * `calls.log`, the "Log a call" form and the quick-log form above the list. `region` reads national
 * numbers and `now` bounds the call time; the server passes its services' config and clock.
 */
export function callLogInput(region: PhoneRegion, now: () => Date = browserClock) {
  return z
    .object({
      callerName: callerNameField,
      callerNumber: requiredPhoneInput(region),
      direction: callDirectionField,
      outcome: callOutcomeField,
      durationSecs: z.optional(durationSecsField),
      isImportant: z.optional(booleanField('Important')),
      notes: z.optional(callNotesField),
      calledAt: z.optional(calledAtField(now)),
      candidateId: z.optional(idField),
    })
    .check(callRules(true))
}
export type CallLogInput = z.input<ReturnType<typeof callLogInput>>

/**
 * `calls.update`: omitted fields stay; null clears the notes and the candidate link. The call rules
 * are checked here over the fields sent, and by the router over the call as it would be saved.
 */
export function callUpdateInput(region: PhoneRegion, now: () => Date = browserClock) {
  return z
    .object({
      id: idField,
      callerName: z.optional(callerNameField),
      callerNumber: z.optional(requiredPhoneInput(region)),
      direction: z.optional(callDirectionField),
      outcome: z.optional(callOutcomeField),
      durationSecs: z.optional(durationSecsField),
      isImportant: z.optional(booleanField('Important')),
      notes: clearable(callNotesField),
      calledAt: z.optional(calledAtField(now)),
      candidateId: clearable(
        z.string().check(z.trim(), z.maxLength(64, 'Invalid id'), z.regex(/^[A-Za-z0-9_-]*$/, 'Invalid id')),
      ),
    })
    .check(callRules(false))
}
export type CallUpdateInput = z.input<ReturnType<typeof callUpdateInput>>

/** `calls.setImportant`: the one-click flag on a row. */
export const CallSetImportantInput = z.object({ id: idField, isImportant: booleanField('Important') })

/** Candidate picker search for the call forms. */
export const CallCandidateSearchInput = z.object({ search: searchField, selected: z.optional(idField) })
