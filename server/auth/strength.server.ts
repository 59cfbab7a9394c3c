/**
 * How guessable a new password is, with zxcvbn-ts and its common and English dictionaries (product.md,
 * Security baseline: passwords). Runs on the server only: the dictionaries stay out of the browser,
 * which asks `auth.passwordStrength` for the same feedback as the person types.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'
import { fieldError } from '#server/errors.server.ts'

/** The lowest acceptable zxcvbn score (0-4). */
export const MIN_PASSWORD_SCORE = 3

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
})

export interface PasswordStrength {
  /** 0 (too guessable) to 4 (very unguessable). */
  score: number
  acceptable: boolean
  /** zxcvbn's warning and suggestions, in English; empty when there is nothing to say. */
  feedback: string[]
}

/** Rates `password`, treating `userInputs` (the person's email, name) as words an attacker knows. */
export function passwordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  const inputs = userInputs.flatMap((i) => [i, ...i.split(/[@.\s]+/)]).filter((i) => i.length > 2)
  const result = zxcvbn.check(password.slice(0, 256), inputs)
  const feedback = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s))
  return { score: result.score, acceptable: result.score >= MIN_PASSWORD_SCORE, feedback }
}

/**
 * BAD_REQUEST on `field` unless `password` scores at least MIN_PASSWORD_SCORE and is not one of the
 * `userInputs` (email, name); the message carries zxcvbn's feedback.
 */
export function assertStrongPassword(password: string, userInputs: string[], field: string): void {
  const lowered = password.trim().toLowerCase()
  if (userInputs.some((i) => i && lowered === i.trim().toLowerCase())) {
    throw fieldError('BAD_REQUEST', field, 'The password must not be the email or the name.')
  }
  const strength = passwordStrength(password, userInputs)
  if (!strength.acceptable) {
    throw fieldError('BAD_REQUEST', field, ['This password is too easy to guess.', ...strength.feedback].join(' '))
  }
}
