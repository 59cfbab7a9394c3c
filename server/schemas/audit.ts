/** Inputs of the `audit` router. */
import { z } from 'zod'
import { AUDIT_TARGETS } from '../audit-targets'
import { idField } from './common'

/** `audit.list`: newest first, keyset-paginated by (timestamp, id). */
export const AuditListInput = z
  .object({
    actorId: idField.optional(),
    action: z.string().trim().max(64).regex(/^[a-z_]+$/, 'Unknown action').optional(),
    target: z.enum(AUDIT_TARGETS, { error: 'Unknown target' }).optional(),
    from: z.coerce.date({ error: 'From must be a date' }).optional(),
    to: z.coerce.date({ error: 'To must be a date' }).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100, 'Limit must be at most 100').default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'From must be before To', path: ['from'] })
export type AuditListInput = z.input<typeof AuditListInput>
