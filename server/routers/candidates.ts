/**
 * `candidates` router (product.md, Candidates and API): list, byId, positions, create, update,
 * setStatus, delete, export. Page `candidates`; each procedure needs the action it performs.
 * Every change is audited in its transaction with before/after (product.md, Audit log).
 */
import { TRPCError } from '@trpc/server'
import {
  CandidateExportInput,
  CandidateIdInput,
  CandidateListInput,
  CandidateSetStatusInput,
  candidateCreateInput,
  candidateUpdateInput,
} from '#shared/schemas/candidates.ts'
import type { InterviewStatus } from '#shared/vocabulary/interviews.ts'
import { changesOf, recordAudit } from '#server/audit.server.ts'
import type { Context } from '#server/context.server.ts'
import type { DbTx } from '#server/db.server.ts'
import { isUniqueViolation } from '#server/db-errors.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import { offsetPage } from '#server/pagination.ts'
import { tableExport } from '#server/exports.server.ts'
import { candidateWhere } from '#server/queries/candidates.ts'
import { lockRow } from '#server/queries/locks.ts'
import { actorOf, fieldError, pageProcedure, pageProcedureWithConfig, router } from '#server/trpc.ts'

/** Columns of a candidate on lists, exports and audit rows. */
const candidateSelect = {
  id: true,
  fullName: true,
  email: true,
  position: true,
  status: true,
  phone: true,
  resumeUrl: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CandidateSelect

const NOT_FOUND = 'That candidate no longer exists.'

/** The unique index on `candidates.email` is the one check for taken emails (product.md, Data). */
function mapUniqueViolation(e: unknown): never {
  if (isUniqueViolation(e)) throw fieldError('CONFLICT', 'email', 'A candidate with this email already exists.')
  throw e
}

/** Locks the candidate row inside `tx` and reads it; NOT_FOUND when it is gone. */
async function lockCandidate(tx: DbTx, id: string) {
  if (!(await lockRow(tx, 'candidates', id))) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND })
  return tx.candidate.findUniqueOrThrow({ where: { id }, select: candidateSelect })
}

function orderBy(sort: { field: string; direction: 'asc' | 'desc' }): Prisma.CandidateOrderByWithRelationInput[] {
  return [{ [sort.field]: sort.direction }, { id: sort.direction }]
}

/**
 * Cancels the candidate's scheduled and in-progress interviews inside `tx` (the candidate row is
 * already locked, so no new booking of them commits meanwhile) and audits one
 * `interview_status_changed` per interview with its before/after. Returns how many were cancelled.
 */
async function cancelOpenInterviews(tx: DbTx, ctx: Context, candidateId: string): Promise<number> {
  const open = await tx.$queryRaw<Array<{ id: string; status: InterviewStatus }>>`
    SELECT id, status::text AS status FROM interviews
    WHERE candidate_id = ${candidateId} AND status IN ('scheduled', 'in_progress')
    ORDER BY scheduled_at, id FOR UPDATE`
  if (open.length === 0) return 0
  await tx.interview.updateMany({ where: { id: { in: open.map((i) => i.id) } }, data: { status: 'cancelled' } })
  for (const interview of open) {
    await recordAudit(tx, actorOf(ctx), {
      action: 'interview_status_changed',
      target: 'interview',
      targetId: interview.id,
      metadata: { before: { status: interview.status }, after: { status: 'cancelled' } },
    })
  }
  return open.length
}

export const candidatesRouter = router({
  /**
   * Candidates matching `search` (name, email or position), `status` and `position`, sorted and
   * paginated in the database. Returns `Paginated<Candidate>`.
   */
  list: pageProcedure('candidates', 'read')
    .input(CandidateListInput)
    .query(({ ctx, input }) => {
      const query = { where: candidateWhere(input), orderBy: orderBy(input.sort) }
      return offsetPage(input, {
        count: (window) => ctx.prisma.candidate.count({ ...query, ...window }),
        rows: (window) => ctx.prisma.candidate.findMany({ ...query, select: candidateSelect, ...window }),
      })
    }),

  /** The distinct positions candidates have applied for (the list's position filter), at most 200. */
  positions: pageProcedure('candidates', 'read').query(async ({ ctx }) => {
    // A skip scan over the position index: one index probe per distinct value, however many
    // candidates there are. (Prisma's `distinct` reads every row and de-duplicates in Node.)
    const rows = await ctx.prisma.$queryRaw<{ position: string }[]>`
      WITH RECURSIVE p AS (
        (SELECT position FROM candidates ORDER BY position LIMIT 1)
        UNION ALL
        SELECT (SELECT c.position FROM candidates c WHERE c.position > p.position ORDER BY c.position LIMIT 1) FROM p WHERE p.position IS NOT NULL
      )
      SELECT position FROM p WHERE position IS NOT NULL LIMIT 200`
    return rows.map((r) => r.position)
  }),

  /**
   * One candidate with their interviews (upcoming first, soonest first; then past, latest first) and
   * the calls linked to them (newest first, at most 50). NOT_FOUND if missing.
   */
  byId: pageProcedure('candidates', 'read')
    .input(CandidateIdInput)
    .query(async ({ ctx, input }) => {
      const candidate = await ctx.prisma.candidate.findUnique({
        where: { id: input.id },
        select: {
          ...candidateSelect,
          interviews: {
            select: {
              id: true,
              scheduledAt: true,
              durationMins: true,
              status: true,
              interviewType: true,
              interviewerName: true,
              score: true,
            },
            orderBy: { scheduledAt: 'asc' },
          },
          calls: {
            select: {
              id: true,
              calledAt: true,
              direction: true,
              outcome: true,
              durationSecs: true,
              isImportant: true,
              callerName: true,
              callerNumber: true,
            },
            orderBy: [{ calledAt: 'desc' }, { id: 'desc' }],
            take: 50,
          },
        },
      })
      if (!candidate) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND })
      const now = ctx.services.now().getTime()
      const upcoming = candidate.interviews.filter((i) => i.scheduledAt.getTime() >= now)
      const past = candidate.interviews.filter((i) => i.scheduledAt.getTime() < now).reverse()
      return { ...candidate, interviews: [...upcoming, ...past] }
    }),

  /**
   * Adds a candidate (status `applied` unless given) and audits `candidate_created`. CONFLICT on
   * `email` when another candidate has it in any case; the phone is stored as E.164.
   */
  create: pageProcedureWithConfig('candidates', 'create', candidateCreateInput).mutation(({ ctx, input }) =>
    ctx.prisma
      .$transaction(async (tx) => {
        const candidate = await tx.candidate.create({
          data: {
            fullName: input.fullName,
            email: input.email,
            position: input.position,
            status: input.status ?? 'applied',
            phone: input.phone ?? null,
            resumeUrl: input.resumeUrl ?? null,
            notes: input.notes ?? null,
          },
          select: candidateSelect,
        })
        const { id, createdAt, updatedAt, ...fields } = candidate
        await recordAudit(tx, actorOf(ctx), {
          action: 'candidate_created',
          target: 'candidate',
          targetId: id,
          metadata: { after: fields },
        })
        return candidate
      })
      .catch(mapUniqueViolation),
  ),

  /**
   * Edits contact details, position and notes (status changes go through `setStatus`) and audits
   * `candidate_updated` with the changed fields before/after. Omitted fields stay; null clears
   * phone, resume link and notes. A no-op writes nothing.
   */
  update: pageProcedureWithConfig('candidates', 'update', candidateUpdateInput).mutation(({ ctx, input }) =>
    ctx.prisma
      .$transaction(async (tx) => {
        const current = await lockCandidate(tx, input.id)
        const { id, ...patch } = input
        const change = changesOf(current, patch)
        if (!change.changed) return current
        const candidate = await tx.candidate.update({ where: { id }, data: change.data, select: candidateSelect })
        await recordAudit(tx, actorOf(ctx), {
          action: 'candidate_updated',
          target: 'candidate',
          targetId: id,
          metadata: { before: change.before, after: change.after },
        })
        return candidate
      })
      .catch(mapUniqueViolation),
  ),

  /**
   * Moves a candidate to any pipeline status and audits `candidate_status_changed` (no status change
   * if unchanged). With `cancelInterviews: true` (hired or rejected only: BAD_REQUEST otherwise) it
   * also cancels their scheduled and in-progress interviews in the same transaction, one
   * `interview_status_changed` row each (product.md, Candidates: rejecting or hiring with interviews
   * ahead); that needs `update` on interviews (FORBIDDEN otherwise, nothing changed). Without it the
   * interviews stay. Returns the candidate and `interviewsCancelled` (how many).
   */
  setStatus: pageProcedure('candidates', 'update')
    .input(CandidateSetStatusInput)
    .mutation(({ ctx, input }) =>
      ctx.prisma.$transaction(async (tx) => {
        if (input.cancelInterviews && !ctx.ability.can('update', 'interviews')) {
          throw new TRPCError({
            code: 'FORBIDDEN',
            message:
              'You cannot change interviews, so their interviews cannot be cancelled here. Change the status without cancelling them.',
          })
        }
        const current = await lockCandidate(tx, input.id)
        let candidate = current
        if (current.status !== input.status) {
          candidate = await tx.candidate.update({
            where: { id: input.id },
            data: { status: input.status },
            select: candidateSelect,
          })
          await recordAudit(tx, actorOf(ctx), {
            action: 'candidate_status_changed',
            target: 'candidate',
            targetId: input.id,
            metadata: { before: { status: current.status }, after: { status: input.status } },
          })
        }
        const interviewsCancelled = input.cancelInterviews ? await cancelOpenInterviews(tx, ctx, input.id) : 0
        return { ...candidate, interviewsCancelled }
      }),
    ),

  /**
   * Deletes a candidate with their interviews (their calls stay, unlinked) and audits
   * `candidate_deleted` with the candidate and how many interviews went with them.
   */
  delete: pageProcedure('candidates', 'delete')
    .input(CandidateIdInput)
    .mutation(({ ctx, input }) =>
      ctx.prisma.$transaction(async (tx) => {
        const { id, createdAt, updatedAt, ...before } = await lockCandidate(tx, input.id)
        const interviews = await tx.interview.count({ where: { candidateId: id } })
        await recordAudit(tx, actorOf(ctx), {
          action: 'candidate_deleted',
          target: 'candidate',
          targetId: id,
          metadata: { before, interviewsDeleted: interviews },
        })
        await tx.candidate.delete({ where: { id } })
        return { id, interviewsDeleted: interviews }
      }),
    ),

  /**
   * Every candidate matching the list's filters, in its sort order, streamed in batches (the CSV
   * export; product.md, Candidates: export). Audits `export_generated` with the filter and row count
   * before the first row leaves; a tighter rate limit applies (RATE_LIMIT_EXPORTS_PER_HOUR). Over HTTP it needs a streaming link (`httpBatchStreamLink`).
   */
  export: pageProcedure('candidates', 'export')
    .input(CandidateExportInput)
    .mutation(({ ctx, input }) =>
      tableExport(ctx, { target: 'candidate', list: 'candidates', filter: input }, ctx.prisma.candidate, {
        where: candidateWhere(input),
        orderBy: orderBy(input.sort),
        read: (args) => ctx.prisma.candidate.findMany({ ...args, select: candidateSelect }),
      }),
    ),
})
