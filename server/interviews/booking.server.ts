/**
 * The booking rules of interviews (product.md, Interviews), apart from the router that calls them:
 * who may interview, no double-booking of an interviewer or a candidate, and the clock.
 *
 * No double-booking: an interviewer (a user, or an outside interviewer by name) and a candidate never
 * have two scheduled or in-progress interviews that overlap. Scheduling and rescheduling take a
 * per-interviewer and then a per-candidate advisory lock inside the transaction and check for a clash
 * under them, so concurrent bookings of one slot run one after the other and the second is refused
 * (docs/decisions/0007-interview-double-booking.md).
 *
 * The clock (`now`, from `services.now()`): a new interview starts now or later unless it is recorded
 * as a past one with its outcome; completed, no-show and scores wait for the start, in progress may
 * be set shortly before it (product.md, Interviews: scheduling and the clock, status, score).
 *
 * Every function runs inside the caller's transaction (`tx`) and refuses with the TRPCError (code,
 * field and message) the person sees.
 */
import { TRPCError } from '@trpc/server'
import { ROLE_PAGE_DEFAULTS, ROLES } from '#shared/permissions/policy.ts'
import {
  BUSY_INTERVIEW_STATUSES,
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_TRANSITIONS,
  INTERVIEW_TYPE_LABELS,
  type InterviewStatus,
  type InterviewType,
  type PastOutcome,
} from '#shared/schemas/interviews.ts'
import {
  canBeScoredAt,
  IN_PROGRESS_EARLY_MINS,
  isPastStart,
  PAST_START_TOLERANCE_MINS,
  statusOpensAt,
} from '#shared/vocabulary/interviews.ts'
import { formatDay, formatTime } from '#shared/time-zone.ts'
import type { DbTx } from '#server/db.server.ts'
import { fieldError } from '#server/errors.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import { lockKey, lockRow, LOCK_NAMESPACE } from '#server/queries/locks.ts'

/** The moment a rule is checked at (`services.now()`) and the time zone its messages name times in. */
export interface BookingClock {
  now: Date
  timeZone: string
}

/** The longest interview (minutes): how far back an overlapping interview can start. */
const MAX_DURATION_MINS = 480

const NOT_FOUND = 'That interview no longer exists.'

/** Roles whose default opens `interviews`: with overrides, who may be an interviewer. */
const ROLES_WITH_INTERVIEWS = ROLES.filter((r) => ROLE_PAGE_DEFAULTS[r].interviews)
const ROLES_WITHOUT_INTERVIEWS = ROLES.filter((r) => !ROLE_PAGE_DEFAULTS[r].interviews)

/**
 * Active users who can open interviews (product.md, Interviews: interviewers): their role opens the
 * page and no override denies it, or an override allows it. The interviewer picker lists these.
 */
export const interviewerWhere: Prisma.UserWhereInput = {
  active: true,
  OR: [
    { role: { in: ROLES_WITH_INTERVIEWS }, pageAccess: { none: { pageName: 'interviews', hasAccess: false } } },
    { role: { in: ROLES_WITHOUT_INTERVIEWS }, pageAccess: { some: { pageName: 'interviews', hasAccess: true } } },
  ],
}

/** Who interviews: a user (`interviewerId` and their name) or an outside interviewer (a name only). */
export interface Interviewer {
  interviewerId: string | null
  interviewerName: string
}

/**
 * The interviewer of a schedule/update: a user who may interview (BAD_REQUEST on `interviewerId`
 * otherwise), or the outside name as typed. The input carries one of the two (its schema says so).
 */
export async function resolveInterviewer(
  tx: DbTx,
  input: { interviewerId?: string; interviewerName?: string },
): Promise<Interviewer> {
  if (input.interviewerId) {
    const user = await tx.user.findFirst({
      where: { id: input.interviewerId, ...interviewerWhere },
      select: { id: true, fullName: true },
    })
    if (!user)
      throw fieldError(
        'BAD_REQUEST',
        'interviewerId',
        'Choose an active user who can open interviews, or type an outside interviewer’s name.',
      )
    return { interviewerId: user.id, interviewerName: user.fullName }
  }
  return { interviewerId: null, interviewerName: input.interviewerName! }
}

/** The key the double-booking lock and check use: the user id, or the outside interviewer's name. */
function interviewerKey(i: Interviewer) {
  return i.interviewerId ? `user:${i.interviewerId}` : `name:${i.interviewerName.trim().toLowerCase()}`
}

/** A slot to check: who interviews whom, when, for how long; `excludeId` is the interview being moved. */
export interface Slot extends Interviewer {
  candidateId: string
  candidateName: string
  scheduledAt: Date
  durationMins: number
  excludeId?: string
}

/** "Mon, 7 Dec 2026 10:00" in `timeZone`. */
function momentText(timeZone: string, at: Date) {
  return `${formatDay(at, timeZone)} ${formatTime(at, timeZone)}`
}

/** "Mon, 7 Dec 2026 10:00–11:00" in `timeZone`. */
function whenText(timeZone: string, start: Date, durationMins: number) {
  const end = new Date(start.getTime() + durationMins * 60_000)
  return `${momentText(timeZone, start)}–${formatTime(end, timeZone)}`
}

/** "an onsite interview", "a video interview". */
function typeText(interviewType: InterviewType) {
  const type = INTERVIEW_TYPE_LABELS[interviewType].toLowerCase()
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} interview`
}

/** The first busy (scheduled or in-progress) interview matching `who` that overlaps the slot; touching slots do not. */
async function firstClash(tx: DbTx, slot: Slot, who: Prisma.InterviewWhereInput) {
  const start = slot.scheduledAt.getTime()
  const end = start + slot.durationMins * 60_000
  const rows = await tx.interview.findMany({
    where: {
      ...who,
      status: { in: [...BUSY_INTERVIEW_STATUSES] },
      scheduledAt: { lt: new Date(end), gt: new Date(start - MAX_DURATION_MINS * 60_000) },
      id: slot.excludeId ? { not: slot.excludeId } : undefined,
    },
    select: {
      scheduledAt: true,
      durationMins: true,
      interviewType: true,
      interviewerName: true,
      candidate: { select: { fullName: true } },
    },
    orderBy: { scheduledAt: 'asc' },
  })
  return rows.find((r) => r.scheduledAt.getTime() + r.durationMins * 60_000 > start)
}

/**
 * CONFLICT on `scheduledAt` when the interviewer (`check.interviewer`) or the candidate
 * (`check.candidate`) already has a scheduled or in-progress interview overlapping
 * [start, start + duration) (product.md, Interviews: no double-booking). Takes the interviewer's
 * advisory lock, then the candidate's (always in this order, after any row lock: docs/decisions/0007),
 * inside the transaction, and checks under them. The message names the clash in `timeZone`.
 */
export async function assertSlotFree(
  tx: DbTx,
  timeZone: string,
  slot: Slot,
  check: { interviewer: boolean; candidate: boolean },
): Promise<void> {
  if (check.interviewer) await lockKey(tx, LOCK_NAMESPACE.interviewer, interviewerKey(slot))
  if (check.candidate) await lockKey(tx, LOCK_NAMESPACE.candidate, slot.candidateId)
  if (check.interviewer) {
    const clash = await firstClash(
      tx,
      slot,
      slot.interviewerId
        ? { interviewerId: slot.interviewerId }
        : { interviewerId: null, interviewerName: { equals: slot.interviewerName.trim(), mode: 'insensitive' } },
    )
    if (clash) {
      throw fieldError(
        'CONFLICT',
        'scheduledAt',
        `${slot.interviewerName} already has ${typeText(clash.interviewType)} with ${clash.candidate.fullName} on ${whenText(timeZone, clash.scheduledAt, clash.durationMins)}. Pick another time or interviewer.`,
      )
    }
  }
  if (check.candidate) {
    const clash = await firstClash(tx, slot, { candidateId: slot.candidateId })
    if (clash) {
      throw fieldError(
        'CONFLICT',
        'scheduledAt',
        `${slot.candidateName} already has ${typeText(clash.interviewType)} with ${clash.interviewerName} on ${whenText(timeZone, clash.scheduledAt, clash.durationMins)}. Pick another time.`,
      )
    }
  }
}

/** What a new booking asks for (the `interviews.schedule` input). */
export interface NewBooking {
  candidateId: string
  interviewerId?: string
  interviewerName?: string
  scheduledAt: Date
  durationMins: number
  outcome?: PastOutcome
}

/**
 * The rules of a new interview (product.md, Interviews: scheduling and the clock), in the lock order
 * of docs/decisions/0007: the candidate row `FOR KEY SHARE` first (NOT_FOUND on `candidateId` when it
 * is gone), then the interviewer (see `resolveInterviewer`), then the clock and the slot. With
 * `outcome` (a past interview) the start must have come (CONFLICT on `scheduledAt`) and no slot is
 * held; without it the start is at most PAST_START_TOLERANCE_MINS ago (CONFLICT on `scheduledAt`,
 * with a hint at `outcome`) and the slot must be free (see `assertSlotFree`). Returns the interviewer
 * to store.
 */
export async function checkNewBooking(tx: DbTx, input: NewBooking, clock: BookingClock): Promise<Interviewer> {
  // The candidate row first (KEY SHARE, as the insert's foreign key would take it), before the
  // advisory locks: a candidate's status change holds that row while it cancels their interviews.
  if (!(await lockRow(tx, 'candidates', input.candidateId, 'KEY SHARE')))
    throw fieldError('NOT_FOUND', 'candidateId', 'That candidate no longer exists.')
  const candidate = await tx.candidate.findUniqueOrThrow({
    where: { id: input.candidateId },
    select: { id: true, fullName: true },
  })
  const interviewer = await resolveInterviewer(tx, input)
  if (input.outcome) {
    if (input.scheduledAt.getTime() > clock.now.getTime()) {
      throw fieldError(
        'CONFLICT',
        'scheduledAt',
        `This start has not come yet, so it cannot be recorded as ${INTERVIEW_STATUS_LABELS[input.outcome].toLowerCase()}. Leave the outcome empty to schedule it.`,
      )
    }
    return interviewer
  }
  if (isPastStart(input.scheduledAt, clock.now)) {
    throw fieldError(
      'CONFLICT',
      'scheduledAt',
      `This start is in the past (more than ${PAST_START_TOLERANCE_MINS} minutes ago). Pick a start from now on, or record it as a past interview: choose how it went and save again.`,
      { outcome: 'To record a past interview, choose how it went.' },
    )
  }
  await assertSlotFree(
    tx,
    clock.timeZone,
    {
      ...interviewer,
      candidateId: candidate.id,
      candidateName: candidate.fullName,
      scheduledAt: input.scheduledAt,
      durationMins: input.durationMins,
    },
    { interviewer: true, candidate: true },
  )
  return interviewer
}

/**
 * Locks the interview row `FOR UPDATE` inside `tx` (the first lock of any change to it) and reads it
 * with `select`; NOT_FOUND when it is gone.
 */
export async function lockInterview<S extends Prisma.InterviewSelect>(tx: DbTx, id: string, select: S) {
  if (!(await lockRow(tx, 'interviews', id))) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND })
  return tx.interview.findUniqueOrThrow({ where: { id }, select })
}

/** CONFLICT unless the interview is still `scheduled`: only then can it be rescheduled. */
export function assertReschedulable(current: { status: InterviewStatus }): void {
  if (current.status !== 'scheduled') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `Only scheduled interviews can be changed; this one is ${INTERVIEW_STATUS_LABELS[current.status].toLowerCase()}.`,
    })
  }
}

/**
 * The rules of a reschedule, once the interview row is locked and the changes are known: a new start
 * is not in the past beyond the tolerance (CONFLICT on `scheduledAt`), and a moved slot or another
 * interviewer must be free (see `assertSlotFree`; the candidate's lock only when the slot moves).
 * `next` is the interview as it would be saved, `changed` the fields that change.
 */
export async function checkReschedule(
  tx: DbTx,
  next: Slot & { excludeId: string },
  changed: Partial<Record<keyof Slot, unknown>>,
  clock: BookingClock,
): Promise<void> {
  if (changed.scheduledAt && isPastStart(next.scheduledAt, clock.now)) {
    throw fieldError('CONFLICT', 'scheduledAt', 'An interview cannot be moved into the past. Pick a start from now on.')
  }
  const moved = 'scheduledAt' in changed || 'durationMins' in changed
  const otherInterviewer = 'interviewerId' in changed || 'interviewerName' in changed
  if (moved || otherInterviewer) await assertSlotFree(tx, clock.timeZone, next, { interviewer: true, candidate: moved })
}

/**
 * CONFLICT on `status` unless an interview may move from `current.status` to `status` now
 * (product.md, Interviews: status): completed, cancelled and no-show are final; completed and no-show
 * wait for the start, in progress for IN_PROGRESS_EARLY_MINS before it. The message says what is
 * allowed or from when (in `clock.timeZone`).
 */
export function assertStatusChange(
  current: { status: InterviewStatus; scheduledAt: Date },
  status: InterviewStatus,
  clock: BookingClock,
): void {
  if (!INTERVIEW_TRANSITIONS[current.status].includes(status)) {
    const allowed = INTERVIEW_TRANSITIONS[current.status].map((s) => INTERVIEW_STATUS_LABELS[s].toLowerCase())
    throw fieldError(
      'CONFLICT',
      'status',
      allowed.length === 0
        ? `${INTERVIEW_STATUS_LABELS[current.status]} interviews are final.`
        : `A ${INTERVIEW_STATUS_LABELS[current.status].toLowerCase()} interview can only become ${allowed.join(', ')}.`,
    )
  }
  const opens = statusOpensAt(status, current.scheduledAt)
  if (!opens || opens.getTime() <= clock.now.getTime()) return
  const label = INTERVIEW_STATUS_LABELS[status].toLowerCase()
  const at = momentText(clock.timeZone, opens)
  const from =
    status === 'in_progress' ? `${at}, ${IN_PROGRESS_EARLY_MINS} minutes before it starts` : `${at}, when it starts`
  throw fieldError('CONFLICT', 'status', `This interview has not started yet. It can be marked ${label} from ${from}.`)
}

/**
 * CONFLICT on `score` unless the interview is completed and has started (product.md, Interviews:
 * score). Who may score it is the ability's rule, checked by the router.
 */
export function assertScorable(current: { status: InterviewStatus; scheduledAt: Date }, clock: BookingClock): void {
  if (current.status !== 'completed') {
    throw fieldError('CONFLICT', 'score', 'Only completed interviews can be scored. Mark it completed first.')
  }
  if (!canBeScoredAt(current, clock.now)) {
    throw fieldError(
      'CONFLICT',
      'score',
      `This interview has not started yet. It can be scored from ${momentText(clock.timeZone, current.scheduledAt)}, when it starts.`,
    )
  }
}
