/**
 * Phone numbers as people read them, formatted by loaders (docs/decisions/0016-phone-numbers-formatted-by-loaders.md):
 * screens show the text and link `tel:` to the stored E.164, so only routes with a phone field load
 * libphonenumber-js's metadata in the browser.
 */
import type { Context } from '#server/context.server.ts'
import { formatPhone } from '#shared/phone.ts'

/**
 * `e164` (a stored number, `+14155550134`) in the deployment's display format: national in the
 * default region (DEFAULT_PHONE_REGION), international otherwise (product.md, Data: phone numbers).
 * Null for no number; a required number gives a string.
 */
export function phoneText(ctx: Context, e164: string): string
export function phoneText(ctx: Context, e164: string | null): string | null
export function phoneText(ctx: Context, e164: string | null): string | null {
  return e164 ? formatPhone(e164, ctx.services.config.phoneRegion) : null
}
