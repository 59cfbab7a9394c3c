/**
 * `interviews` router (product.md, Interviews and API): list, calendar, byId, interviewers,
 * candidateOptions, schedule, update, setStatus, score, delete, export. Page `interviews`.
 *
 * No double-booking: an interviewer (a user, or an outside interviewer by name) and a candidate never
 * have two scheduled or in-progress interviews that overlap. Scheduling and rescheduling take a
 * per-interviewer and then a per-candidate advisory lock inside the transaction and check for a clash
 * under them, so concurrent bookings of one slot run one after the other and the second is refused
 * (docs/decisions/0007-interview-double-booking.md).
 *
 * The clock (`ctx.services.now()`): a new interview starts now or later unless it is recorded as a
 * past one with its outcome; completed, no-show and scores wait for the start, in progress may be set
 * shortly before it (product.md, Interviews: scheduling and the clock, status, score).
 */
import { TRPCError } from '@trpc/server'
import { ROLE_PAGE_DEFAULTS, ROLES } from '#shared/permissions/policy.ts'
import {
  BUSY_INTERVIEW_STATUSES,
  CALENDAR_LIMIT,
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_TRANSITIONS,
  INTERVIEW_TYPE_LABELS,
  InterviewCalendarInput,
  InterviewExportInput,
  InterviewIdInput,
  InterviewListInput,
  InterviewScheduleInput,
  InterviewScoreInput,
  InterviewSetStatusInput,
  InterviewUpdateInput,
  OptionSearchInput,
  type InterviewStatus,
  type InterviewType,
} from '#shared/schemas/interviews.ts'
import { asInterview } from '#shared/permissions/ability.ts'
import { canBeScoredAt, IN_PROGRESS_EARLY_MINS, isPastStart, PAST_START_TOLERANCE_MINS, statusOpensAt } from '#shared/vocabulary/interviews.ts'
import { formatDay, formatTime } from '#shared/time-zone.ts'
import { changesOf, recordAudit } from '#server/audit.server.ts'
import type { Context } from '#server/context.server.ts'
import type { DbTx } from '#server/db.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import { countWindow, offsetWindow, paginated } from '#server/pagination.ts'
import { after, inBatches } from '#server/queries/batches.ts'
import { candidateOptions } from '#server/queries/candidates.ts'
import { lockKey, lockRow, LOCK_NAMESPACE } from '#server/queries/locks.ts'
import { actorOf, enforceRateLimit, fieldError, pageProcedure, router } from '#server/trpc.ts'
import { consume } from '#server/rate-limit.server.ts'

const interviewSelect = {
  id: true,
  candidateId: true,
  interviewerId: true,
  interviewerName: true,
  scheduledAt: true,
  durationMins: true,
  status: true,
  interviewType: true,
  notes: true,
  score: true,
  scoreComment: true,
  createdAt: true,
  updatedAt: true,
  candidate: { select: { id: true, fullName: true, position: true } },
} as const satisfies Prisma.InterviewSelect

const NOT_FOUND = 'That interview no longer exists.'
/** The longest interview (minutes): how far back an overlapping interview can start. */
const MAX_DURATION_MINS = 480

interface ListFilters {
  from?: Date
  to?: Date
  status?: InterviewStatus
  interviewType?: InterviewType
  candidateId?: string
  interviewerId?: string
  search?: string
}

/** The filter behind the list, the week view and the export. */
function interviewWhere(input: ListFilters): Prisma.InterviewWhereInput {
  return {
    scheduledAt: input.from || input.to ? { gte: input.from, lt: input.to } : undefined,
    status: input.status,
    interviewType: input.interviewType,
    candidateId: input.candidateId,
    interviewerId: input.interviewerId,
    ...(input.search
      ? {
          OR: [
            { candidate: { fullName: { contains: input.search, mode: 'insensitive' } } },
            { interviewerName: { contains: input.search, mode: 'insensitive' } },
          ],
        }
      : {}),
  }
}

function orderBy(sort: { field: string; direction: 'asc' | 'desc' }): Prisma.InterviewOrderByWithRelationInput[] {
  // Ties follow the sort's direction, so one index read forwards or backwards serves either order.
  return sort.field === 'scheduledAt' ? [{ scheduledAt: sort.direction }, { id: sort.direction }] : [{ [sort.field]: sort.direction }, { scheduledAt: sort.direction }, { id: sort.direction }]
}

/** Roles whose default opens `interviews`: with overrides, who may be an interviewer. */
const ROLES_WITH_INTERVIEWS = ROLES.filter((r) => ROLE_PAGE_DEFAULTS[r].interviews)
const ROLES_WITHOUT_INTERVIEWS = ROLES.filter((r) => !ROLE_PAGE_DEFAULTS[r].interviews)

/**
 * Active users who can open interviews (product.md, Interviews: interviewers): their role opens the
 * page and no override denies it, or an override allows it.
 */
const interviewerWhere: Prisma.UserWhereInput = {
  active: true,
  OR: [
    { role: { in: ROLES_WITH_INTERVIEWS }, pageAccess: { none: { pageName: 'interviews', hasAccess: false } } },
    { role: { in: ROLES_WITHOUT_INTERVIEWS }, pageAccess: { some: { pageName: 'interviews', hasAccess: true } } },
  ],
}

/** Resolves the interviewer of a schedule/update: a user who may interview, or an outside name. */
async function resolveInterviewer(db: DbTx, input: { interviewerId?: string; interviewerName?: string }) {
  if (input.interviewerId) {
    const user = await db.user.findFirst({ where: { id: input.interviewerId, ...interviewerWhere }, select: { id: true, fullName: true } })
    if (!user) throw fieldError('BAD_REQUEST', 'interviewerId', 'Choose an active user who can open interviews, or type an outside interviewer’s name.')
    return { interviewerId: user.id, interviewerName: user.fullName }
  }
  return { interviewerId: null, interviewerName: input.interviewerName! }
}

/** The key the double-booking lock and check use: the user id, or the outside interviewer's name. */
function interviewerKey(i: { interviewerId: string | null; interviewerName: string }) {
  return i.interviewerId ? `user:${i.interviewerId}` : `name:${i.interviewerName.trim().toLowerCase()}`
}

/** A slot to check: who interviews whom, when, for how long; `excludeId` is the interview being moved. */
interface Slot {
  interviewerId: string | null
  interviewerName: string
  candidateId: string
  candidateName: string
  scheduledAt: Date
  durationMins: number
  excludeId?: string
}

/** "Mon, 7 Dec 2026 10:00–11:00" in the viewer's time zone. */
function whenText(ctx: Context, start: Date, durationMins: number) {
  const end = new Date(start.getTime() + durationMins * 60_000)
  return `${formatDay(start, ctx.timeZone)} ${formatTime(start, ctx.timeZone)}–${formatTime(end, ctx.timeZone)}`
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
    select: { scheduledAt: true, durationMins: true, interviewType: true, interviewerName: true, candidate: { select: { fullName: true } } },
    orderBy: { scheduledAt: 'asc' },
  })
  return rows.find((r) => r.scheduledAt.getTime() + r.durationMins * 60_000 > start)
}

/**
 * CONFLICT on `scheduledAt` when the interviewer (`check.interviewer`) or the candidate
 * (`check.candidate`) already has a scheduled or in-progress interview overlapping
 * [start, start + duration) (product.md, Interviews: no double-booking). Takes the interviewer's
 * advisory lock, then the candidate's (always in this order: docs/decisions/0007), inside the
 * transaction, and checks under them. The message names the clash in the viewer's time zone.
 */
async function assertSlotFree(tx: DbTx, ctx: Context, slot: Slot, check: { interviewer: boolean; candidate: boolean }) {
  if (check.interviewer) await lockKey(tx, LOCK_NAMESPACE.interviewer, interviewerKey(slot))
  if (check.candidate) await lockKey(tx, LOCK_NAMESPACE.candidate, slot.candidateId)
  if (check.interviewer) {
    const clash = await firstClash(
      tx,
      slot,
      slot.interviewerId ? { interviewerId: slot.interviewerId } : { interviewerId: null, interviewerName: { equals: slot.interviewerName.trim(), mode: 'insensitive' } },
    )
    if (clash) {
      throw fieldError(
        'CONFLICT',
        'scheduledAt',
        `${slot.interviewerName} already has ${typeText(clash.interviewType)} with ${clash.candidate.fullName} on ${whenText(ctx, clash.scheduledAt, clash.durationMins)}. Pick another time or interviewer.`,
      )
    }
  }
  if (check.candidate) {
    const clash = await firstClash(tx, slot, { candidateId: slot.candidateId })
    if (clash) {
      throw fieldError(
        'CONFLICT',
        'scheduledAt',
        `${slot.candidateName} already has ${typeText(clash.interviewType)} with ${clash.interviewerName} on ${whenText(ctx, clash.scheduledAt, clash.durationMins)}. Pick another time.`,
      )
    }
  }
}

/** "Mon, 7 Dec 2026 10:00" in the viewer's time zone. */
function momentText(ctx: Context, at: Date) {
  return `${formatDay(at, ctx.timeZone)} ${formatTime(at, ctx.timeZone)}`
}

/**
 * CONFLICT unless `status` may be set now on an interview starting at `scheduledAt` (product.md,
 * Interviews: status): completed and no-show wait for the start, in progress for a few minutes
 * before it. The message says from when it is possible.
 */
function assertStatusTimeHasCome(ctx: Context, status: InterviewStatus, scheduledAt: Date) {
  const opens = statusOpensAt(status, scheduledAt)
  if (!opens || opens.getTime() <= ctx.services.now().getTime()) return
  const label = INTERVIEW_STATUS_LABELS[status].toLowerCase()
  const from = status === 'in_progress' ? `${momentText(ctx, opens)}, ${IN_PROGRESS_EARLY_MINS} minutes before it starts` : `${momentText(ctx, opens)}, when it starts`
  throw fieldError('CONFLICT', 'status', `This interview has not started yet. It can be marked ${label} from ${from}.`)
}

/** Locks the interview row inside `tx` and reads it; NOT_FOUND when it is gone. */
async function lockInterview(tx: DbTx, id: string) {
  if (!(await lockRow(tx, 'interviews', id))) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND })
  return tx.interview.findUniqueOrThrow({ where: { id }, select: interviewSelect })
}

/** The audited shape of an interview (no relations, no timestamps of the row itself). */
function auditShape(i: {
  interviewerId: string | null
  interviewerName: string
  scheduledAt: Date
  durationMins: number
  interviewType: InterviewType
  status: InterviewStatus
  notes: string | null
  score: number | null
  scoreComment: string | null
  candidateId: string
}) {
  const { interviewerId, interviewerName, scheduledAt, durationMins, interviewType, status, notes, score, scoreComment, candidateId } = i
  return { candidateId, interviewerId, interviewerName, scheduledAt, durationMins, interviewType, status, notes, score, scoreComment }
}

export const interviewsRouter = router({
  /** Interviews matching the filters (`from` ≤ scheduledAt < `to`), sorted and paginated, with the candidate. */
  list: pageProcedure('interviews', 'read')
    .input(InterviewListInput)
    .query(async ({ ctx, input }) => {
      const where = interviewWhere(input)
      const [total, items] = await Promise.all([
        ctx.prisma.interview.count({ where, orderBy: orderBy(input.sort), ...countWindow(input) }),
        ctx.prisma.interview.findMany({ where, select: interviewSelect, orderBy: orderBy(input.sort), ...offsetWindow(input) }),
      ])
      return paginated(items, total, input)
    }),

  /**
   * The week view: interviews in [from, to) (at most 31 days), soonest first, at most CALENDAR_LIMIT;
   * `truncated` says more matched (narrow the filters).
   */
  calendar: pageProcedure('interviews', 'read')
    .input(InterviewCalendarInput)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.prisma.interview.findMany({
        where: interviewWhere(input),
        select: interviewSelect,
        orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
        take: CALENDAR_LIMIT + 1,
      })
      return { items: rows.slice(0, CALENDAR_LIMIT), truncated: rows.length > CALENDAR_LIMIT }
    }),

  /** One interview with its candidate. NOT_FOUND if missing. */
  byId: pageProcedure('interviews', 'read')
    .input(InterviewIdInput)
    .query(async ({ ctx, input }) => {
      const interview = await ctx.prisma.interview.findUnique({ where: { id: input.id }, select: interviewSelect })
      if (!interview) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND })
      return interview
    }),

  /** Up to 20 possible interviewers matching `search` (active users who can open interviews), plus `selected`. */
  interviewers: pageProcedure('interviews', 'read')
    .input(OptionSearchInput)
    .query(async ({ ctx, input }) => {
      const select = { id: true, fullName: true, email: true, role: true } as const
      const [matches, chosen] = await Promise.all([
        ctx.prisma.user.findMany({
          where: { ...interviewerWhere, ...(input.search ? { fullName: { contains: input.search, mode: 'insensitive' } } : {}) },
          select,
          orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
          take: 20,
        }),
        input.selected ? ctx.prisma.user.findFirst({ where: { id: input.selected, ...interviewerWhere }, select }) : null,
      ])
      return chosen && !matches.some((m) => m.id === chosen.id) ? [chosen, ...matches] : matches
    }),

  /** Up to 20 candidates to schedule with, matching `search` (open ones first when empty), plus `selected`. */
  candidateOptions: pageProcedure('interviews', 'read')
    .input(OptionSearchInput)
    .query(({ ctx, input }) => candidateOptions(ctx.prisma, input.search, input.selected)),

  /**
   * Schedules an interview and audits `interview_scheduled`. NOT_FOUND for an unknown candidate;
   * BAD_REQUEST on `interviewerId` for a user who may not interview; CONFLICT on `scheduledAt` when
   * the interviewer or the candidate is busy then (the message names the clash), or when the start
   * is more than PAST_START_TOLERANCE_MINS ago (with a message at `outcome` too: record it as a past
   * interview). With `outcome` it records a past interview with that status instead (CONFLICT on
   * `scheduledAt` if the start is still ahead); past interviews hold no slot and are not checked for
   * clashes (product.md, Interviews: scheduling and the clock).
   */
  schedule: pageProcedure('interviews', 'create')
    .input(InterviewScheduleInput)
    .mutation(({ ctx, input }) =>
      ctx.prisma.$transaction(async (tx) => {
        const now = ctx.services.now()
        // The candidate row first (KEY SHARE, as the insert's foreign key would take it), before the
        // advisory locks: a candidate's status change holds that row while it cancels their interviews.
        if (!(await lockRow(tx, 'candidates', input.candidateId, 'KEY SHARE'))) throw fieldError('NOT_FOUND', 'candidateId', 'That candidate no longer exists.')
        const candidate = await tx.candidate.findUniqueOrThrow({ where: { id: input.candidateId }, select: { id: true, fullName: true } })
        const interviewer = await resolveInterviewer(tx, input)
        if (input.outcome) {
          if (input.scheduledAt.getTime() > now.getTime()) {
            throw fieldError('CONFLICT', 'scheduledAt', `This start has not come yet, so it cannot be recorded as ${INTERVIEW_STATUS_LABELS[input.outcome].toLowerCase()}. Leave the outcome empty to schedule it.`)
          }
        } else {
          if (isPastStart(input.scheduledAt, now)) {
            throw fieldError(
              'CONFLICT',
              'scheduledAt',
              `This start is in the past (more than ${PAST_START_TOLERANCE_MINS} minutes ago). Pick a start from now on, or record it as a past interview: choose how it went and save again.`,
              { outcome: 'To record a past interview, choose how it went.' },
            )
          }
          await assertSlotFree(
            tx,
            ctx,
            { ...interviewer, candidateId: candidate.id, candidateName: candidate.fullName, scheduledAt: input.scheduledAt, durationMins: input.durationMins },
            { interviewer: true, candidate: true },
          )
        }
        const interview = await tx.interview.create({
          data: {
            candidateId: input.candidateId,
            ...interviewer,
            scheduledAt: input.scheduledAt,
            durationMins: input.durationMins,
            interviewType: input.interviewType,
            status: input.outcome ?? 'scheduled',
            notes: input.notes || null,
          },
          select: interviewSelect,
        })
        await recordAudit(tx, actorOf(ctx), { action: 'interview_scheduled', target: 'interview', targetId: interview.id, metadata: { after: auditShape(interview) } })
        return interview
      }),
    ),

  /**
   * Reschedules (interviewer, start, duration, type, notes) while the interview is `scheduled` and
   * audits `interview_updated` with the changed fields; CONFLICT once it has moved on, when the new
   * slot clashes for the interviewer or the candidate, or when the new start is in the past (beyond
   * the clock-skew tolerance). A no-op writes nothing.
   */
  update: pageProcedure('interviews', 'update')
    .input(InterviewUpdateInput)
    .mutation(({ ctx, input }) =>
      ctx.prisma.$transaction(async (tx) => {
        const current = await lockInterview(tx, input.id)
        if (current.status !== 'scheduled') {
          throw new TRPCError({ code: 'CONFLICT', message: `Only scheduled interviews can be changed; this one is ${INTERVIEW_STATUS_LABELS[current.status].toLowerCase()}.` })
        }
        const interviewer = input.interviewerId || input.interviewerName ? await resolveInterviewer(tx, input) : {}
        const change = changesOf(auditShape(current), {
          ...interviewer,
          scheduledAt: input.scheduledAt,
          durationMins: input.durationMins,
          interviewType: input.interviewType,
          notes: input.notes,
        })
        if (!change.changed) return current
        const next = { ...auditShape(current), ...change.after }
        if (change.after.scheduledAt && isPastStart(change.after.scheduledAt, ctx.services.now())) {
          throw fieldError('CONFLICT', 'scheduledAt', 'An interview cannot be moved into the past. Pick a start from now on.')
        }
        const moved = 'scheduledAt' in change.after || 'durationMins' in change.after
        const otherInterviewer = 'interviewerId' in change.after || 'interviewerName' in change.after
        if (moved || otherInterviewer) {
          await assertSlotFree(
            tx,
            ctx,
            { ...next, candidateName: current.candidate.fullName, excludeId: current.id },
            { interviewer: true, candidate: moved },
          )
        }
        const interview = await tx.interview.update({ where: { id: current.id }, data: change.data, select: interviewSelect })
        await recordAudit(tx, actorOf(ctx), { action: 'interview_updated', target: 'interview', targetId: current.id, metadata: { before: change.before, after: change.after } })
        return interview
      }),
    ),

  /**
   * Moves an interview along (product.md, Interviews: status) and audits `interview_status_changed`.
   * CONFLICT for a change the rules do not allow (completed, cancelled and no-show are final), or one
   * whose time has not come (completed and no-show before the start, in progress earlier than
   * IN_PROGRESS_EARLY_MINS before it); the message says from when.
   */
  setStatus: pageProcedure('interviews', 'update')
    .input(InterviewSetStatusInput)
    .mutation(({ ctx, input }) =>
      ctx.prisma.$transaction(async (tx) => {
        const current = await lockInterview(tx, input.id)
        if (current.status === input.status) return current
        if (!INTERVIEW_TRANSITIONS[current.status].includes(input.status)) {
          const allowed = INTERVIEW_TRANSITIONS[current.status].map((s) => INTERVIEW_STATUS_LABELS[s].toLowerCase())
          throw fieldError(
            'CONFLICT',
            'status',
            allowed.length === 0
              ? `${INTERVIEW_STATUS_LABELS[current.status]} interviews are final.`
              : `A ${INTERVIEW_STATUS_LABELS[current.status].toLowerCase()} interview can only become ${allowed.join(', ')}.`,
          )
        }
        assertStatusTimeHasCome(ctx, input.status, current.scheduledAt)
        const interview = await tx.interview.update({ where: { id: current.id }, data: { status: input.status }, select: interviewSelect })
        await recordAudit(tx, actorOf(ctx), {
          action: 'interview_status_changed',
          target: 'interview',
          targetId: current.id,
          metadata: { before: { status: current.status }, after: { status: input.status } },
        })
        return interview
      }),
    ),

  /**
   * Records the score (1-10) and the scorer's comment (`scoreComment`; the booking notes stay) of a
   * completed interview and audits `interview_scored` with before/after, so a changed score keeps the
   * earlier one in the log. FORBIDDEN unless the caller may score it (its interviewer, or a manager or
   * admin: product.md, Permissions: interview scores); CONFLICT unless it is completed and has started.
   */
  score: pageProcedure('interviews', 'update')
    .input(InterviewScoreInput)
    .mutation(({ ctx, input }) =>
      ctx.prisma.$transaction(async (tx) => {
        const current = await lockInterview(tx, input.id)
        if (!ctx.ability.can('score', asInterview(current))) {
          throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the interviewer, a manager or an admin can score this interview.' })
        }
        if (current.status !== 'completed') {
          throw fieldError('CONFLICT', 'score', 'Only completed interviews can be scored. Mark it completed first.')
        }
        if (!canBeScoredAt(current, ctx.services.now())) {
          throw fieldError('CONFLICT', 'score', `This interview has not started yet. It can be scored from ${momentText(ctx, current.scheduledAt)}, when it starts.`)
        }
        const change = changesOf({ score: current.score, scoreComment: current.scoreComment }, { score: input.score, scoreComment: input.scoreComment })
        if (!change.changed) return current
        const interview = await tx.interview.update({ where: { id: current.id }, data: change.data, select: interviewSelect })
        await recordAudit(tx, actorOf(ctx), { action: 'interview_scored', target: 'interview', targetId: current.id, metadata: { before: change.before, after: change.after } })
        return interview
      }),
    ),

  /** Deletes an interview and audits `interview_deleted` with what it was. */
  delete: pageProcedure('interviews', 'delete')
    .input(InterviewIdInput)
    .mutation(({ ctx, input }) =>
      ctx.prisma.$transaction(async (tx) => {
        const current = await lockInterview(tx, input.id)
        await recordAudit(tx, actorOf(ctx), { action: 'interview_deleted', target: 'interview', targetId: current.id, metadata: { before: auditShape(current) } })
        await tx.interview.delete({ where: { id: current.id } })
        return { id: current.id, candidateId: current.candidateId }
      }),
    ),

  /**
   * Every interview matching the list's filters, in its sort order, streamed in batches (the CSV
   * export). Audits `export_generated` with the filter and row count first.
   */
  export: pageProcedure('interviews', 'export')
    .input(InterviewExportInput)
    .mutation(async ({ ctx, input }) => {
      await enforceRateLimit(ctx, () => consume(ctx.services.limits.exports, `user:${ctx.user.id}`))
      const where = interviewWhere(input)
      const total = await ctx.prisma.interview.count({ where })
      await ctx.prisma.$transaction((tx) =>
        recordAudit(tx, actorOf(ctx), { action: 'export_generated', target: 'interview', metadata: { list: 'interviews', filter: input, rows: total } }),
      )
      const rows = inBatches((cursor, take) => ctx.prisma.interview.findMany({ where, select: interviewSelect, orderBy: orderBy(input.sort), take, ...after(cursor) }))
      return { total, rows }
    }),
})
