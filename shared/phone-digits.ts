/**
 * (Shared by shared/phone.ts and its browser twin, shared/phone.browser.ts.)
 * The digits to search stored E.164 numbers by, from what a person typed: "555 0134" -> "5550134",
 * "+1 (415) 555-01" -> "1415555 01" without spaces. Null when fewer than 3 digits were typed.
 */
export function phoneSearchDigits(text: string): string | null {
  const digits = text.replace(/\D/g, '')
  return digits.length >= 3 ? digits : null
}
