/**
 * `interviews` router (product.md, Interviews and API): list, calendar, byId, interviewers,
 * candidateOptions, schedule, update, setStatus, score, delete, export. Page `interviews`.
 *
 * The booking rules (who may interview, no double-booking, the clock) live in
 * server/interviews/booking.server.ts; each procedure here locks, calls them, writes and audits.
 */
import { TRPCError } from '@trpc/server'
import type * as z from 'zod/mini'
import {
  CALENDAR_LIMIT,
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
import type { AuditAction } from '#shared/audit.ts'
import { asInterview } from '#shared/permissions/ability.ts'
import { changesOf, recordAudit } from '#server/audit.server.ts'
import type { Context } from '#server/context.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import {
  assertReschedulable,
  assertScorable,
  assertStatusChange,
  checkNewBooking,
  checkReschedule,
  interviewerWhere,
  lockInterview,
  resolveInterviewer,
  type BookingClock,
} from '#server/interviews/booking.server.ts'
import { orderWithTies, tablePage } from '#server/pagination.ts'
import { deleteAudited, type AuditedDelete } from '#server/deletes.server.ts'
import { updateInterviewAudited, type InterviewDiff } from '#server/interviews/changes.server.ts'
import type { DbTx } from '#server/db.server.ts'
import { tableExport, type TableQuery } from '#server/exports.server.ts'
import { candidateOptions } from '#server/queries/candidates.ts'
import { actorOf, pageProcedure, router } from '#server/trpc.ts'

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

/** The list's filters and sort, as `list` and `export` parse them (the schema is their one source). */
type ListFilters = z.output<typeof InterviewExportInput>

/** The filter behind the list, the week view (some of the filters, no search) and the export. */
function interviewWhere(input: Partial<Omit<ListFilters, 'sort'>>): Prisma.InterviewWhereInput {
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

/**
 * The interviews matching the list's filters in its sort, with the candidate: the rows `list` pages
 * through and `export` streams.
 */
function interviewQuery(
  ctx: Context,
  input: ListFilters,
): TableQuery<Prisma.InterviewWhereInput, Prisma.InterviewOrderByWithRelationInput[], InterviewRecord> {
  return {
    where: interviewWhere(input),
    orderBy: orderWithTies(input.sort, 'scheduledAt'),
    read: (args) => ctx.prisma.interview.findMany({ ...args, select: interviewSelect }),
  }
}

/** The rules' clock: `services.now()` and the viewer's time zone (for the times messages name). */
function clockOf(ctx: Context): BookingClock {
  return { now: ctx.services.now(), timeZone: ctx.timeZone }
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
  const {
    interviewerId,
    interviewerName,
    scheduledAt,
    durationMins,
    interviewType,
    status,
    notes,
    score,
    scoreComment,
    candidateId,
  } = i
  return {
    candidateId,
    interviewerId,
    interviewerName,
    scheduledAt,
    durationMins,
    interviewType,
    status,
    notes,
    score,
    scoreComment,
  }
}

/** An interview as the procedures read and return it. */
type InterviewRecord = Prisma.InterviewGetPayload<{ select: typeof interviewSelect }>

/** How `delete` removes an interview: locked, audited as its auditShape, answered with its id and candidate. */
const interviewDeletion = {
  lock: (tx, id) => lockInterview(tx, id, interviewSelect),
  before: auditShape,
  remove: (tx, id) => tx.interview.delete({ where: { id } }),
  result: (interview) => ({ id: interview.id, candidateId: interview.candidateId }),
} satisfies AuditedDelete<InterviewRecord, unknown>

/**
 * One audited change to interview `id` (product.md, Audit log): in one transaction, locks the row
 * (NOT_FOUND when it is gone), asks `decide` for the change (it throws the refusal, or answers null
 * when there is nothing to change: the interview is returned as it is), then writes the change and
 * audits it as `action` with its before/after values. Resolves to the interview after the change.
 */
function changeInterview(
  ctx: Context,
  id: string,
  action: AuditAction,
  decide: (tx: DbTx, current: InterviewRecord) => Promise<InterviewDiff | null> | InterviewDiff | null,
) {
  return ctx.prisma.$transaction(async (tx) => {
    const current = await lockInterview(tx, id, interviewSelect)
    const diff = await decide(tx, current)
    if (!diff) return current
    return updateInterviewAudited(tx, actorOf(ctx), { id, select: interviewSelect, action, ...diff })
  })
}

export const interviewsRouter = router({
  /** Interviews matching the filters (`from` ≤ scheduledAt < `to`), sorted and paginated, with the candidate. */
  list: pageProcedure('interviews', 'read')
    .input(InterviewListInput)
    .query(({ ctx, input }) => tablePage(input, ctx.prisma.interview, interviewQuery(ctx, input))),

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
          where: {
            ...interviewerWhere,
            ...(input.search ? { fullName: { contains: input.search, mode: 'insensitive' } } : {}),
          },
          select,
          orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
          take: 20,
        }),
        input.selected
          ? ctx.prisma.user.findFirst({ where: { id: input.selected, ...interviewerWhere }, select })
          : null,
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
        const interviewer = await checkNewBooking(tx, input, clockOf(ctx))
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
        await recordAudit(tx, actorOf(ctx), {
          action: 'interview_scheduled',
          target: 'interview',
          targetId: interview.id,
          metadata: { after: auditShape(interview) },
        })
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
      changeInterview(ctx, input.id, 'interview_updated', async (tx, current) => {
        assertReschedulable(current)
        const interviewer = input.interviewerId || input.interviewerName ? await resolveInterviewer(tx, input) : {}
        const change = changesOf(auditShape(current), {
          ...interviewer,
          scheduledAt: input.scheduledAt,
          durationMins: input.durationMins,
          interviewType: input.interviewType,
          notes: input.notes,
        })
        if (!change.changed) return null
        const next = {
          ...auditShape(current),
          ...change.after,
          candidateName: current.candidate.fullName,
          excludeId: current.id,
        }
        await checkReschedule(tx, next, change.after, clockOf(ctx))
        return { data: change.data, before: change.before, after: change.after }
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
      changeInterview(ctx, input.id, 'interview_status_changed', (_tx, current) => {
        if (current.status === input.status) return null
        assertStatusChange(current, input.status, clockOf(ctx))
        return { data: { status: input.status }, before: { status: current.status }, after: { status: input.status } }
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
      changeInterview(ctx, input.id, 'interview_scored', (_tx, current) => {
        if (!ctx.ability.can('score', asInterview(current))) {
          throw new TRPCError({
            code: 'FORBIDDEN',
            message: 'Only the interviewer, a manager or an admin can score this interview.',
          })
        }
        assertScorable(current, clockOf(ctx))
        const change = changesOf(
          { score: current.score, scoreComment: current.scoreComment },
          { score: input.score, scoreComment: input.scoreComment },
        )
        if (!change.changed) return null
        return { data: change.data, before: change.before, after: change.after }
      }),
    ),

  /** Deletes an interview and audits `interview_deleted` with what it was. */
  delete: pageProcedure('interviews', 'delete')
    .input(InterviewIdInput)
    .mutation(({ ctx, input }) => deleteAudited(ctx, 'interview', input.id, interviewDeletion)),

  /**
   * Every interview matching the list's filters, in its sort order, streamed in batches (the CSV
   * export). Audits `export_generated` with the filter and row count first.
   */
  export: pageProcedure('interviews', 'export')
    .input(InterviewExportInput)
    .mutation(({ ctx, input }) =>
      tableExport(
        ctx,
        { target: 'interview', list: 'interviews', filter: input },
        ctx.prisma.interview,
        interviewQuery(ctx, input),
      ),
    ),
})
