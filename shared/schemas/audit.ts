/** Inputs of the `audit` router and the /audit screen. */
import { z } from 'zod'
import { auditActionField, auditTargetField } from '#shared/audit.ts'
import { dateField, idField, singleLineText } from './common'
import { keysetInput } from './list'

/** `audit.list`: newest first, keyset-paginated by (timestamp, id); `from` ≤ timestamp ≤ `to`. */
export const AuditListInput = keysetInput
  .extend({
    actorId: idField.optional(),
    action: auditActionField.optional(),
    target: auditTargetField.optional(),
    targetId: singleLineText('Target id', 130).optional(),
    from: dateField('From').optional(),
    to: dateField('To').optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'From must be before To', path: ['from'] })
export type AuditListInput = z.input<typeof AuditListInput>
