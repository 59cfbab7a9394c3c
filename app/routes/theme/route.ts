/**
 * `POST /theme`: stores the colour scheme preference (light, dark, auto) in its cookie and goes back
 * (product.md, Settings: appearance). The header toggle posts here without JavaScript; with it, the
 * toggle writes the same cookie in the browser. Open to anyone: it is a display preference, and the
 * cross-site check guards it like every POST.
 */
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { colorSchemeCookie, COLOR_SCHEMES, type ColorSchemePreference } from '#shared/color-scheme.ts'
import { readFormData } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'

export function loader() {
  return redirect('/')
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request)
  const value = String(form.get('colorScheme') ?? '')
  const scheme: ColorSchemePreference = (COLOR_SCHEMES as readonly string[]).includes(value)
    ? (value as ColorSchemePreference)
    : 'auto'
  const headers = new Headers({ 'Set-Cookie': colorSchemeCookie(scheme, context.ctx.services.config.secureCookies) })
  return redirect(safeRedirect(form.get('returnTo'), '/dashboard'), { headers })
}
