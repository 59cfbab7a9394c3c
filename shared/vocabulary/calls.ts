/**
 * The calls vocabulary without zod, so screens that only show calls do not ship it (product.md, Calls:
 * direction and outcome; docs/decisions/0018-call-direction-and-outcome.md). A call is described once:
 * who called whom (direction) and how it ended (outcome).
 */
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const
export type CallDirection = (typeof CALL_DIRECTIONS)[number]
export const CALL_OUTCOMES = ['answered', 'missed', 'busy', 'voicemail'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]

export const CALL_DIRECTION_LABELS: Record<CallDirection, string> = { inbound: 'Inbound', outbound: 'Outbound' }
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: 'Answered',
  missed: 'Missed',
  busy: 'Busy',
  voicemail: 'Voicemail',
}

/** The outcomes with a duration: the talk time of an answered call, the length of a voicemail. */
export const TIMED_OUTCOMES: readonly CallOutcome[] = ['answered', 'voicemail']

/** The outcomes each direction allows: busy (the number we dialled was engaged) is outbound only. */
export const OUTCOMES_BY_DIRECTION: Record<CallDirection, readonly CallOutcome[]> = {
  inbound: ['answered', 'missed', 'voicemail'],
  outbound: ['answered', 'missed', 'busy', 'voicemail'],
}

/** "Inbound · Missed": a call's direction and outcome as a row shows them. */
export function callKindText(c: { direction: CallDirection; outcome: CallOutcome }): string {
  return `${CALL_DIRECTION_LABELS[c.direction]} · ${CALL_OUTCOME_LABELS[c.outcome]}`
}

/** Why `outcome` cannot end a call in `direction` (an inbound call is never busy), or null. */
export function outcomeProblem(direction: CallDirection, outcome: CallOutcome): string | null {
  return OUTCOMES_BY_DIRECTION[direction].includes(outcome)
    ? null
    : 'Busy is for outbound calls (the number you dialled was engaged); an inbound call nobody took is Missed.'
}

/** Why a call with `outcome` cannot last `durationSecs` seconds (a missed or busy call has no talk time), or null. */
export function durationProblem(outcome: CallOutcome, durationSecs: number): string | null {
  return durationSecs === 0 || TIMED_OUTCOMES.includes(outcome)
    ? null
    : `A ${CALL_OUTCOME_LABELS[outcome].toLowerCase()} call has no talk time: set the duration to 0, or choose Answered or Voicemail.`
}

/** A broken call rule: the field to show it at and the sentence saying what to do. */
export interface CallContradiction {
  field: 'outcome' | 'durationSecs'
  message: string
}

/**
 * The first rule `c` breaks (product.md, Calls: direction and outcome), or null: an inbound call is
 * never busy (reported at `outcome`); a missed or busy call has no duration (reported at
 * `durationSecs`, in seconds). The same rules are CHECK constraints in the database.
 */
export function callContradiction(c: {
  direction: CallDirection
  outcome: CallOutcome
  durationSecs: number
}): CallContradiction | null {
  const outcome = outcomeProblem(c.direction, c.outcome)
  if (outcome) return { field: 'outcome', message: outcome }
  const duration = durationProblem(c.outcome, c.durationSecs)
  return duration ? { field: 'durationSecs', message: duration } : null
}
