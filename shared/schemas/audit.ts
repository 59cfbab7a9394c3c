/** Inputs of the `audit` router and the /audit screen (product.md, Audit log). */
import * as z from 'zod/mini'
import { AUDIT_ACTIONS, AUDIT_TARGETS } from '#shared/audit.ts'
import { dateField, fromBeforeTo, idField, searchField, singleLineText } from './common'
import { keysetInput } from './list'

/** An audit action by name; anything else is refused with "Unknown action". */
export const auditActionField = z.enum(AUDIT_ACTIONS, { error: 'Unknown action' })
/** What an entry is about, by name; anything else is refused with "Unknown target". */
export const auditTargetField = z.enum(AUDIT_TARGETS, { error: 'Unknown target' })

/**
 * The filters of the audit log and its export: actor, action, target (and its id), the user an entry is
 * about (`targetUserId`: the user page's history), `from` ≤ time < `to`.
 */
const auditFilters = z.object({
  actorId: z.optional(idField),
  targetUserId: z.optional(idField),
  action: z.optional(auditActionField),
  target: z.optional(auditTargetField),
  targetId: z.optional(singleLineText('Target id', 130).check(z.regex(/^[A-Za-z0-9_:-]+$/, 'Invalid target id'))),
  from: z.optional(dateField('From')),
  to: z.optional(dateField('To')),
})

/** `audit.list`: newest first, keyset-paginated by (timestamp, id); `cursor` comes from the previous answer. */
export const AuditListInput = z.extend(keysetInput, auditFilters.shape).check(fromBeforeTo())
export type AuditListInput = z.input<typeof AuditListInput>

/** `audit.export`: every entry matching the filters. */
export const AuditExportInput = auditFilters.check(fromBeforeTo())

/** `audit.actors`: the actor picker's search. */
export const AuditActorsInput = z.object({ search: searchField, selected: z.optional(idField) })
