/**
 * The one audit helper (product.md, Audit log): every state change writes exactly one `audit_logs` row in the same
 * database transaction as the change, with before/after values in `metadata`.
 */
import type { AuditAction, AuditTargetName } from '#shared/audit.ts'
import type { DbTx } from './db.server'

/** Who did it and from where. `actorId` is null only for failed logins (product.md, Data). */
export interface AuditActor {
  actorId: string | null
  ipAddress: string | null
  userAgent: string | null
}

export interface AuditEntry {
  action: AuditAction
  target: AuditTargetName
  targetId?: string | null
  targetUserId?: string | null
  /** Free-form JSON, conventionally `{ before, after, … }`. Secret-looking keys are dropped. */
  metadata?: Record<string, unknown>
}

const SECRET_KEY = /pass(word)?|token|hash|secret/i

/** Removes secret-looking keys at any depth (product.md, Audit log: passwords and tokens never appear in metadata). */
export function scrubMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubMetadata)
  if (value instanceof Date) return value.toISOString()
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEY.test(k) && typeof v !== 'boolean') continue
      if (v === undefined) continue
      out[k] = scrubMetadata(v)
    }
    return out
  }
  return value
}

/**
 * Writes one audit row with transaction client `tx`. Call it inside the `$transaction` that makes the
 * change, so both commit or neither does.
 */
export async function recordAudit(tx: DbTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.actorId,
      action: entry.action,
      target: entry.target,
      targetId: entry.targetId ?? null,
      targetUserId: entry.targetUserId ?? null,
      metadata: scrubMetadata(entry.metadata ?? {}) as object,
      ipAddress: actor.ipAddress,
      userAgent: actor.userAgent?.slice(0, 512) ?? null,
    },
  })
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  return (a ?? null) === (b ?? null)
}

/**
 * The fields of `patch` (undefined values skipped) whose value differs from `current`, as the audit's
 * `{ before, after }` and the `data` to write. `changed` is false when nothing would change.
 */
export function changesOf<T extends Record<string, unknown>>(current: T, patch: { [K in keyof T]?: T[K] | undefined }) {
  const before: Partial<T> = {}
  const after: Partial<T> = {}
  for (const key of Object.keys(patch) as Array<keyof T>) {
    const value = patch[key]
    if (value === undefined || same(current[key], value)) continue
    before[key] = current[key]
    after[key] = value as T[keyof T]
  }
  return { before, after, data: after, changed: Object.keys(after).length > 0 }
}
