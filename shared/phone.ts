/**
 * Phone numbers (product.md, Data: stored as E.164), with libphonenumber-js: parse what a person
 * types in any common format, store E.164, show it formatted. The default region decides how a
 * national number ("(415) 555-0134") is read; it comes from the DEFAULT_PHONE_REGION setting.
 * Browsers get shared/phone.browser.ts instead (package.json "imports"), which loads the library late.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'

export type PhoneRegion = CountryCode

/** E.164 (`+14155550134`) for a valid number typed in any common format, else null. */
export function toE164(text: string, region: PhoneRegion): string | null {
  const parsed = parsePhoneNumberFromString(text, region)
  return parsed && parsed.isValid() ? parsed.number : null
}

/** A stored E.164 number for display: national format in the default region, else international. */
export function formatPhone(e164: string, region: PhoneRegion): string {
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed) return e164
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational()
}

export { phoneSearchDigits } from './phone-digits'
