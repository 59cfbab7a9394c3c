/** Phone number fields (product.md, Data: phone numbers are stored as E.164). */
import * as z from 'zod/mini'
import { toE164, type PhoneRegion } from '#shared/phone.ts'
import { clearable } from './common'

const PHONE_TEXT = /^[0-9+()\-. /ext]*$/i
const invalid = 'Enter a valid phone number, e.g. +1 415 555 0134'

function phoneText(label: string) {
  return z
    .string({ error: `${label} is required` })
    .check(
      z.trim(),
      z.maxLength(40, `${label} must be at most 40 characters`),
      z.regex(PHONE_TEXT, `${label} may contain only digits, spaces and + ( ) - .`),
    )
}

/**
 * An optional phone number typed in any common format, stored as E.164; numbers without a country
 * code are read in `region`. '' and null clear it (see `clearable`).
 */
export function phoneInput(region: PhoneRegion, label = 'Phone') {
  return clearable(phoneText(label), (v) => {
    const e164 = toE164(v, region)
    return e164 ? { value: e164 } : { message: invalid }
  })
}

/** A required phone number, as `phoneInput` but never empty. Output: E.164. */
export function requiredPhoneInput(region: PhoneRegion, label = 'Phone number') {
  return z.pipe(
    phoneText(label).check(z.minLength(1, `${label} is required`)),
    z.transform((v: string, ctx) => {
      const e164 = toE164(v, region)
      if (!e164) {
        ctx.issues.push({ code: 'custom', message: invalid, input: v })
        return z.NEVER
      }
      return e164
    }),
  )
}
