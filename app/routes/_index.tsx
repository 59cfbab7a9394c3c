import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

/** "/" goes to the dashboard when signed in, else to the sign-in page. */
export function loader({ context }: LoaderFunctionArgs) {
  return redirect(context.ctx.user ? '/dashboard' : '/login')
}
