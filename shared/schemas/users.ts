/** Inputs of the `users` router, shared with the /users list and forms. */
import * as z from 'zod/mini'
import {
  booleanField,
  emailField,
  emptyAsAbsent,
  fullNameField,
  idField,
  newPasswordField,
  roleField,
  searchField,
} from './common'
import { paginationInput, sortInput } from './list'

export const USER_SORT_FIELDS = ['fullName', 'email', 'role', 'active', 'createdAt'] as const

/** `users.list`: search matches name or email (case-insensitive); sorted and paginated in the database. */
export const UserListInput = z.extend(paginationInput, {
  search: searchField,
  role: z.optional(roleField),
  active: z.optional(booleanField('Active')),
  sort: sortInput(USER_SORT_FIELDS, { field: 'fullName', direction: 'asc' }),
})
export type UserListInput = z.input<typeof UserListInput>

export const UserIdInput = z.object({ id: idField })

/** `users.create` and the "Add user" form. */
export const UserCreateInput = z.object({
  email: emailField,
  fullName: fullNameField,
  role: roleField,
  password: newPasswordField,
  active: z._default(booleanField('Active'), true),
})
export type UserCreateInput = z.input<typeof UserCreateInput>

/** `users.update` and the "Edit user" form. Omitted fields stay as they are; `password` resets it. */
export const UserUpdateInput = z.object({
  id: idField,
  email: z.optional(emailField),
  fullName: z.optional(fullNameField),
  role: z.optional(roleField),
  password: z.union([z.optional(newPasswordField), emptyAsAbsent]),
})
export type UserUpdateInput = z.input<typeof UserUpdateInput>

/** `users.setActive`. */
export const UserSetActiveInput = z.object({ id: idField, active: booleanField('Active') })
