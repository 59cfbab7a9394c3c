/** Inputs of the `auth` router and the /login form. */
import { z } from 'zod'
import { emailField } from './common'

/** `auth.login`. The password is not length-checked here: any wrong password gets the same generic error. */
export const LoginInput = z.object({
  email: emailField,
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(256, 'Password is too long'),
})
export type LoginInput = z.infer<typeof LoginInput>
