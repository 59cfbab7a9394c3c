/** Inputs of the `audit` router and the /audit screen (product.md, Audit log). */
import { z } from 'zod'
import { AUDIT_ACTIONS, AUDIT_TARGETS } from '#shared/audit.ts'
import { dateField, idField, searchField, singleLineText } from './common'
import { keysetInput } from './list'

/** An audit action by name; anything else is refused with "Unknown action". */
export const auditActionField = z.enum(AUDIT_ACTIONS, { error: 'Unknown action' })
/** What an entry is about, by name; anything else is refused with "Unknown target". */
export const auditTargetField = z.enum(AUDIT_TARGETS, { error: 'Unknown target' })

const fromBeforeTo = (v: { from?: Date; to?: Date }) => !v.from || !v.to || v.from < v.to

/**
 * The filters of the audit log and its export: actor, action, target (and its id), the user an entry is
 * about (`targetUserId`: the user page's history), `from` ≤ time < `to`.
 */
const auditFilters = z.object({
  actorId: idField.optional(),
  targetUserId: idField.optional(),
  action: auditActionField.optional(),
  target: auditTargetField.optional(),
  targetId: singleLineText('Target id', 130).regex(/^[A-Za-z0-9_:-]+$/, 'Invalid target id').optional(),
  from: dateField('From').optional(),
  to: dateField('To').optional(),
})

/** `audit.list`: newest first, keyset-paginated by (timestamp, id); `cursor` comes from the previous answer. */
export const AuditListInput = keysetInput.extend(auditFilters.shape).refine(fromBeforeTo, { message: 'From must be before To', path: ['from'] })
export type AuditListInput = z.input<typeof AuditListInput>

/** `audit.export`: every entry matching the filters. */
export const AuditExportInput = auditFilters.refine(fromBeforeTo, { message: 'From must be before To', path: ['from'] })

/** `audit.actors`: the actor picker's search. */
export const AuditActorsInput = z.object({ search: searchField, selected: idField.optional() })
