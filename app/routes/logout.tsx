import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { caller } from '#app/utils/caller.server.ts'

/** GET /logout does nothing (sign-out is a POST, so a link or image cannot sign anyone out). */
export function loader() {
  return redirect('/')
}

/**
 * Ends the session through `auth.logout` (audited), clears the cookie and sends `Clear-Site-Data` so the
 * browser forgets cached pages and storage. Always available.
 */
export async function action({ context }: ActionFunctionArgs) {
  const { ctx } = context
  if (ctx.user) await caller(ctx).auth.logout()
  else ctx.responseHeaders.append('Set-Cookie', ctx.services.auth.blankCookie())
  // Tell the browser to drop whatever it kept of the signed-in session (product.md, Security baseline).
  // Not "cookies": the session cookie is cleared above, and the colour-scheme preference belongs to the
  // browser, not the person signing out.
  ctx.responseHeaders.set('Clear-Site-Data', '"cache", "storage"')
  return redirect('/login', { headers: ctx.responseHeaders })
}
