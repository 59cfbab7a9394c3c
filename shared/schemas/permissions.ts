/** Inputs of the `permissions` router, shared with the /permissions matrix editor. */
import * as z from 'zod/mini'
import { OVERRIDE_STATES } from '#shared/permissions/policy.ts'
import { idField, pageField, roleField, searchField } from './common'
import { pageNumberField } from './list'

/** `permissions.matrix`: users × pages, filtered by role and name/email search, paginated (50 a page by default). */
export const MatrixInput = z.object({
  search: searchField,
  role: z.optional(roleField),
  page: pageNumberField,
  pageSize: z._default(
    z.coerce
      .number({ error: 'Page size must be a number' })
      .check(z.int(), z.gte(1, 'Page size must be at least 1'), z.lte(100, 'Page size must be at most 100')),
    50,
  ),
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
