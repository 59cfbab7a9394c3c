/**
 * Flash messages (product.md, Forms): an action that changed something redirects (POST-redirect-GET)
 * and the message survives the redirect in a short-lived cookie, read and cleared by the layout loader.
 */
import { createCookie, redirect } from '@remix-run/node'
import type { Context } from '#server/context.server.ts'

export interface Flash {
  /** `error`: a refusal the person should read (a rate limit on an export, for example). */
  kind: 'success' | 'info' | 'error'
  message: string
}

const flashCookie = createCookie('gatehouse_flash', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 })

/**
 * A redirect to `to` (status 302) carrying `message` as a flash, plus any Set-Cookie the request's
 * procedures added (a new session after a password change, for example).
 */
export async function redirectWithFlash(ctx: Context, to: string, message: string, kind: Flash['kind'] = 'success') {
  const headers = new Headers(ctx.responseHeaders)
  headers.append(
    'Set-Cookie',
    await flashCookie.serialize({ kind, message: message.slice(0, 500) } satisfies Flash, {
      secure: ctx.services.config.secureCookies,
    }),
  )
  return redirect(to, { headers })
}

/** The flash in `request`'s cookies (or null) and the Set-Cookie header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const value = (await flashCookie.parse(request.headers.get('cookie'))) as unknown
  if (!value || typeof value !== 'object') return { flash: null, clear: null }
  const { kind, message } = value as Partial<Flash>
  const flash =
    typeof message === 'string' && (kind === 'success' || kind === 'info' || kind === 'error')
      ? { kind, message }
      : null
  return { flash, clear: await flashCookie.serialize('', { maxAge: 0 }) }
}
