/**
 * Phone numbers in the browser: shared/phone.ts's functions without libphonenumber-js's metadata
 * (30 KB gzip) in every form page's first load (docs/decisions/0019-remix-on-vite.md). package.json
 * "imports" gives browsers this file for `#shared/phone.ts`. The library loads on the first focus in
 * the page (typing comes after it); until it is there, `toE164` lets a number in the accepted
 * characters through and the server, which always checks with the library, answers for it
 * (product.md, Forms: the server's messages are the ones that count).
 */
import type { CountryCode } from 'libphonenumber-js'

export type PhoneRegion = CountryCode

let library: typeof import('libphonenumber-js') | null = null
let loading: Promise<unknown> | null = null

/** Starts loading libphonenumber-js (once); resolves when it is there. */
export function loadPhoneLibrary(): Promise<unknown> {
  loading ??= import('libphonenumber-js').then((m) => (library = m))
  return loading
}

if (typeof document !== 'undefined') document.addEventListener('focusin', () => void loadPhoneLibrary(), { once: true })

/** As shared/phone.ts; before the library is loaded, the text itself (valid until the server says otherwise). */
export function toE164(text: string, region: PhoneRegion): string | null {
  if (!library) return text
  const parsed = library.parsePhoneNumberFromString(text, region)
  return parsed && parsed.isValid() ? parsed.number : null
}

/** As shared/phone.ts; before the library is loaded, the stored number as it is. */
export function formatPhone(e164: string, region: PhoneRegion): string {
  const parsed = library?.parsePhoneNumberFromString(e164)
  if (!parsed) return e164
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational()
}

export { phoneSearchDigits } from './phone-digits'
