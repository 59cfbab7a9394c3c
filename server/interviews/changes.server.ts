/**
 * Writing a change to an interview (product.md, Interviews; Audit log): the row update and its audit
 * row in one place, so every change the router makes is audited the same way.
 */
import type { AuditAction } from '#shared/audit.ts'
import { recordAudit, type AuditActor } from '#server/audit.server.ts'
import type { DbTx } from '#server/db.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'

/** What a change to an interview writes (`data`) and what its audit row says it was and became. */
export interface InterviewDiff {
  data: Prisma.InterviewUpdateInput
  before: Record<string, unknown>
  after: Record<string, unknown>
}

/** One change to interview `id`: the diff, the audit action, and what to read back (`select`). */
export interface InterviewChange<S extends Prisma.InterviewSelect> extends InterviewDiff {
  id: string
  select: S
  action: AuditAction
}

/**
 * Updates interview `change.id` with `change.data` inside `tx` (the caller's transaction, which has
 * locked the row) and records `change.action` on it, metadata `{ before, after }`, as `actor`, in the
 * same transaction. Returns the updated row read with `change.select`; Prisma's not-found error if the
 * row is gone (the caller's lock rules that out).
 */
export async function updateInterviewAudited<S extends Prisma.InterviewSelect>(
  tx: DbTx,
  actor: AuditActor,
  change: InterviewChange<S>,
) {
  const interview = await tx.interview.update({ where: { id: change.id }, data: change.data, select: change.select })
  await recordAudit(tx, actor, {
    action: change.action,
    target: 'interview',
    targetId: change.id,
    metadata: { before: change.before, after: change.after },
  })
  return interview
}
