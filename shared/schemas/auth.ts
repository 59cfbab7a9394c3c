/** Inputs of the `auth` router: sign-in, and one's own profile and password in settings. */
import * as z from 'zod/mini'
import { emailField, fullNameField, newPasswordField } from './common'

/** A password being checked: never length-checked (any wrong one gets the same answer), only bounded. */
export const currentPasswordField = z
  .string({ error: 'Password is required' })
  .check(z.minLength(1, 'Password is required'), z.maxLength(256, 'Password is too long'))

/** `auth.login`. */
export const LoginInput = z.object({
  email: emailField,
  password: currentPasswordField,
})
export type LoginInput = z.infer<typeof LoginInput>

/** `auth.updateProfile`: changing the email needs the current password (product.md, Settings). */
export const UpdateProfileInput = z.object({
  fullName: fullNameField,
  email: emailField,
  currentPassword: z.optional(currentPasswordField),
})
export type UpdateProfileInput = z.input<typeof UpdateProfileInput>

const passwordChange = z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField })
const differs = (v: { newPassword: string; currentPassword: string }) => v.newPassword !== v.currentPassword
const differsMessage = { message: 'Choose a password different from your current one', path: ['newPassword'] }

/**
 * `auth.changePassword`: at least 12 characters and different from the current one (the server also
 * refuses the email and the name; product.md, Settings: password).
 */
export const ChangePasswordInput = passwordChange.check(z.refine(differs, differsMessage))
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>

/** The password form: the procedure's input plus the confirmation a person types. */
export const ChangePasswordForm = z
  .extend(passwordChange, {
    confirmPassword: z.string({ error: 'Type the new password again' }).check(z.maxLength(256, 'Password is too long')),
  })
  .check(
    z.refine(differs, differsMessage),
    z.refine((v) => v.newPassword === v.confirmPassword, {
      message: 'The two new passwords do not match',
      path: ['confirmPassword'],
    }),
  )

/** `auth.passwordStrength`: a candidate password and the words an attacker would try with it. */
export const PasswordStrengthInput = z.object({
  password: z.string().check(z.maxLength(256, 'Password is too long')),
  email: z.optional(z.string().check(z.maxLength(254))),
  fullName: z.optional(z.string().check(z.maxLength(100))),
})
