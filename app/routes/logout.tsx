import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { caller } from '#app/utils/procedure.server.ts'

/** GET /logout does nothing (sign-out is a POST, so a link or image cannot sign anyone out). */
export function loader() {
  return redirect('/')
}

/** Ends the session through `auth.logout` (audited) and clears the cookie. Always available. */
export async function action({ context }: ActionFunctionArgs) {
  const { ctx } = context
  if (ctx.user) await caller(ctx).auth.logout()
  else ctx.responseHeaders.append('Set-Cookie', ctx.services.auth.blankCookie())
  return redirect('/login', { headers: ctx.responseHeaders })
}
