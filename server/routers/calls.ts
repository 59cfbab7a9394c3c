/**
 * `calls` router (product.md, Calls and API): list, byId, candidateOptions, log, update,
 * setImportant, delete, export. Page `calls`. Numbers are stored as E.164; search finds a number
 * however it is typed ("555 0134", "+1 (415)…"). A call has a direction and an outcome; a missed or
 * busy call has no duration and busy is outbound only (refused with BAD_REQUEST at the field, before
 * the database's CHECK constraints would). Every change is audited in its transaction: the
 * important flag is a `call_updated` whose before/after shows the flag.
 */
import { TRPCError } from '@trpc/server'
import type * as z from 'zod/mini'
import { phoneSearchDigits } from '#shared/phone.ts'
import {
  CallCandidateSearchInput,
  CallExportInput,
  CallIdInput,
  CallListInput,
  CallSetImportantInput,
  callLogInput,
  callUpdateInput,
  type CallDirection,
  type CallOutcome,
} from '#shared/schemas/calls.ts'
import { callContradiction } from '#shared/vocabulary/calls.ts'
import { changesOf, recordAudit } from '#server/audit.server.ts'
import type { Context } from '#server/context.server.ts'
import type { DbTx } from '#server/db.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import { orderWithTies, tablePage } from '#server/pagination.ts'
import { deleteAudited, type AuditedDelete } from '#server/deletes.server.ts'
import { tableExport, type TableQuery } from '#server/exports.server.ts'
import { candidateOptions } from '#server/queries/candidates.ts'
import { lockRow } from '#server/queries/locks.ts'
import { actorOf, fieldError, pageProcedure, pageProcedureWithConfig, router } from '#server/trpc.ts'

const callSelect = {
  id: true,
  callerName: true,
  callerNumber: true,
  direction: true,
  outcome: true,
  durationSecs: true,
  isImportant: true,
  notes: true,
  calledAt: true,
  candidateId: true,
  createdAt: true,
  updatedAt: true,
  candidate: { select: { id: true, fullName: true } },
} as const satisfies Prisma.CallSelect

/** A call as the procedures read and return it. */
type CallRecord = Prisma.CallGetPayload<{ select: typeof callSelect }>

const NOT_FOUND = 'That call is no longer in the log.'

/** The log's filters and sort, as `list` and `export` parse them (the schema is their one source). */
type CallFilters = z.output<typeof CallExportInput>

/** The filter behind the log and its export: `from` ≤ calledAt < `to`; search over name and number. */
function callWhere(input: CallFilters): Prisma.CallWhereInput {
  const digits = input.search ? phoneSearchDigits(input.search) : null
  return {
    direction: input.direction,
    outcome: input.outcome,
    isImportant: input.isImportant,
    candidateId: input.candidateId,
    calledAt: input.from || input.to ? { gte: input.from, lt: input.to } : undefined,
    ...(input.search
      ? {
          OR: [
            { callerName: { contains: input.search, mode: 'insensitive' } },
            ...(digits ? [{ callerNumber: { contains: digits } }] : []),
          ],
        }
      : {}),
  }
}

/**
 * The calls matching the log's filters in its sort, with the linked candidate: the rows `list` pages
 * through and `export` streams.
 */
function callQuery(
  ctx: Context,
  input: CallFilters,
): TableQuery<Prisma.CallWhereInput, Prisma.CallOrderByWithRelationInput[], CallRecord> {
  return {
    where: callWhere(input),
    orderBy: orderWithTies(input.sort, 'calledAt'),
    read: (args) => ctx.prisma.call.findMany({ ...args, select: callSelect }),
  }
}

/** BAD_REQUEST on `candidateId` unless the candidate exists. */
async function assertCandidate(tx: DbTx, candidateId: string | null | undefined) {
  if (!candidateId) return
  const found = await tx.candidate.findUnique({ where: { id: candidateId }, select: { id: true } })
  if (!found) throw fieldError('BAD_REQUEST', 'candidateId', 'That candidate no longer exists; pick another or none.')
}

async function lockCall(tx: DbTx, id: string) {
  if (!(await lockRow(tx, 'calls', id))) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND })
  return tx.call.findUniqueOrThrow({ where: { id }, select: callSelect })
}

/**
 * BAD_REQUEST at the field (`outcome` or `durationSecs`) when the call as it would be saved breaks a
 * call rule (product.md, Calls: direction and outcome): an edit that changes only the outcome or only
 * the duration is checked against the stored call's other fields.
 */
function assertCallRules(c: { direction: CallDirection; outcome: CallOutcome; durationSecs: number }) {
  const broken = callContradiction(c)
  if (broken) throw fieldError('BAD_REQUEST', broken.field, broken.message)
}

/** The audited fields of a call. */
function auditShape(c: {
  callerName: string
  callerNumber: string
  direction: CallDirection
  outcome: CallOutcome
  durationSecs: number
  isImportant: boolean
  notes: string | null
  calledAt: Date
  candidateId: string | null
}) {
  const { callerName, callerNumber, direction, outcome, durationSecs, isImportant, notes, calledAt, candidateId } = c
  return { callerName, callerNumber, direction, outcome, durationSecs, isImportant, notes, calledAt, candidateId }
}

/** How `delete` removes a call: locked, audited as its auditShape, answered with its id and caller's name. */
const callDeletion = {
  lock: lockCall,
  before: auditShape,
  remove: (tx, id) => tx.call.delete({ where: { id } }),
  result: (call) => ({ id: call.id, callerName: call.callerName }),
} satisfies AuditedDelete<CallRecord, unknown>

export const callsRouter = router({
  /** The call log, filtered, sorted (newest first by default) and paginated, with the linked candidate. */
  list: pageProcedure('calls', 'read')
    .input(CallListInput)
    .query(({ ctx, input }) => tablePage(input, ctx.prisma.call, callQuery(ctx, input))),

  /** One call with its candidate. NOT_FOUND if missing. */
  byId: pageProcedure('calls', 'read')
    .input(CallIdInput)
    .query(async ({ ctx, input }) => {
      const call = await ctx.prisma.call.findUnique({ where: { id: input.id }, select: callSelect })
      if (!call) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND })
      return call
    }),

  /** Up to 20 candidates to link a call to, matching `search`, plus `selected`. */
  candidateOptions: pageProcedure('calls', 'read')
    .input(CallCandidateSearchInput)
    .query(({ ctx, input }) => candidateOptions(ctx.prisma, input.search, input.selected)),

  /**
   * Logs a call (time defaults to now, never in the future; number stored as E.164; duration in
   * seconds, 0 when absent) and audits `call_logged`. BAD_REQUEST on `candidateId` for a candidate
   * that does not exist, on `outcome` for an inbound busy call, on `durationSecs` for a missed or
   * busy call with a duration.
   */
  log: pageProcedureWithConfig('calls', 'create', callLogInput).mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      assertCallRules({ direction: input.direction, outcome: input.outcome, durationSecs: input.durationSecs ?? 0 })
      await assertCandidate(tx, input.candidateId)
      const call = await tx.call.create({
        data: {
          callerName: input.callerName,
          callerNumber: input.callerNumber,
          direction: input.direction,
          outcome: input.outcome,
          durationSecs: input.durationSecs ?? 0,
          isImportant: input.isImportant ?? false,
          notes: input.notes || null,
          calledAt: input.calledAt ?? ctx.services.now(),
          candidateId: input.candidateId ?? null,
        },
        select: callSelect,
      })
      await recordAudit(tx, actorOf(ctx), {
        action: 'call_logged',
        target: 'call',
        targetId: call.id,
        metadata: { after: auditShape(call) },
      })
      return call
    }),
  ),

  /**
   * Edits a call and audits `call_updated` with the changed fields before/after; a no-op writes
   * nothing. The call as it would be saved must keep the call rules (BAD_REQUEST at `outcome` or
   * `durationSecs`, like `log`): turning an answered 5:00 call into a missed one needs the duration
   * set to 0 in the same edit.
   */
  update: pageProcedureWithConfig('calls', 'update', callUpdateInput).mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const current = await lockCall(tx, input.id)
      const { id, ...patch } = input
      assertCallRules({
        direction: patch.direction ?? current.direction,
        outcome: patch.outcome ?? current.outcome,
        durationSecs: patch.durationSecs ?? current.durationSecs,
      })
      await assertCandidate(tx, patch.candidateId)
      const change = changesOf(auditShape(current), patch)
      if (!change.changed) return current
      const call = await tx.call.update({ where: { id }, data: change.data, select: callSelect })
      await recordAudit(tx, actorOf(ctx), {
        action: 'call_updated',
        target: 'call',
        targetId: id,
        metadata: { before: change.before, after: change.after },
      })
      return call
    }),
  ),

  /** Flags or unflags a call as important: a `call_updated` whose before/after is the flag. */
  setImportant: pageProcedure('calls', 'update')
    .input(CallSetImportantInput)
    .mutation(({ ctx, input }) =>
      ctx.prisma.$transaction(async (tx) => {
        const current = await lockCall(tx, input.id)
        if (current.isImportant === input.isImportant) return current
        const call = await tx.call.update({
          where: { id: input.id },
          data: { isImportant: input.isImportant },
          select: callSelect,
        })
        await recordAudit(tx, actorOf(ctx), {
          action: 'call_updated',
          target: 'call',
          targetId: input.id,
          metadata: { before: { isImportant: current.isImportant }, after: { isImportant: input.isImportant } },
        })
        return call
      }),
    ),

  /** Deletes a call and audits `call_deleted` with what it was. */
  delete: pageProcedure('calls', 'delete')
    .input(CallIdInput)
    .mutation(({ ctx, input }) => deleteAudited(ctx, 'call', input.id, callDeletion)),

  /**
   * Every call matching the log's filters, in its sort order, streamed in batches (the CSV export).
   * Audits `export_generated` with the filter and row count first.
   */
  export: pageProcedure('calls', 'export')
    .input(CallExportInput)
    .mutation(({ ctx, input }) =>
      tableExport(ctx, { target: 'call', list: 'calls', filter: input }, ctx.prisma.call, callQuery(ctx, input)),
    ),
})
