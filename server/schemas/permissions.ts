/** Inputs of the `permissions` router, shared with the /permissions matrix editor. */
import { z } from 'zod'
import { OVERRIDE_STATES } from '../permissions/policy'
import { idField, pageField, pageNumberField, roleField, searchField } from './common'

/** `permissions.matrix`: users × pages, filtered by role and name/email search, paginated. */
export const MatrixInput = z.object({
  search: searchField,
  role: roleField.optional(),
  page: pageNumberField,
  pageSize: z.coerce.number().int().min(1).max(100, 'Page size must be at most 100').default(50),
})
export type MatrixInput = z.input<typeof MatrixInput>

/** `permissions.set`: one cell of the matrix. */
export const SetPermissionInput = z.object({
  userId: idField,
  page: pageField,
  access: z.enum(OVERRIDE_STATES, { error: 'Access is inherit, allow or deny' }),
})
export type SetPermissionInput = z.input<typeof SetPermissionInput>

/** `permissions.explain`. */
export const ExplainInput = z.object({ userId: idField })
