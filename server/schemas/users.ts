/** Inputs of the `users` router, shared with the /users forms. */
import { z } from 'zod'
import { emailField, fullNameField, idField, newPasswordField, pageNumberField, pageSizeField, roleField, searchField, sortDirectionField } from './common'

export const USER_SORT_FIELDS = ['fullName', 'email', 'role', 'active', 'createdAt'] as const

/** `users.list`: search matches name or email (case-insensitive); sorted and paginated in the database. */
export const UserListInput = z.object({
  search: searchField,
  role: roleField.optional(),
  active: z.boolean().optional(),
  page: pageNumberField,
  pageSize: pageSizeField,
  sort: z
    .object({ field: z.enum(USER_SORT_FIELDS, { error: 'Unknown sort field' }), direction: sortDirectionField })
    .default({ field: 'fullName', direction: 'asc' }),
})
export type UserListInput = z.input<typeof UserListInput>

export const UserIdInput = z.object({ id: idField })

/** `users.create` and the "Add user" modal. */
export const UserCreateInput = z.object({
  email: emailField,
  fullName: fullNameField,
  role: roleField,
  password: newPasswordField,
  active: z.boolean().default(true),
})
export type UserCreateInput = z.input<typeof UserCreateInput>

/** `users.update` and the "Edit user" modal. Omitted fields stay as they are; `password` resets it. */
export const UserUpdateInput = z.object({
  id: idField,
  email: emailField.optional(),
  fullName: fullNameField.optional(),
  role: roleField.optional(),
  password: newPasswordField.optional().or(z.literal('').transform(() => undefined)),
})
export type UserUpdateInput = z.input<typeof UserUpdateInput>

/** `users.setActive`. */
export const UserSetActiveInput = z.object({ id: idField, active: z.boolean({ error: 'Active must be true or false' }) })
