import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ConfirmScreen } from '#app/components/form/confirm-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { actionFailure } from '#app/utils/route-errors.server.ts'
import { countOf } from '#shared/plural.ts'

export const meta: MetaFunction = () => [{ title: 'Sign out everywhere else · Gatehouse' }]

export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'settings')
  return null
}

/** Ends every other session of the caller (`sessions.revokeOthers`, audited `logout_all`). */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  try {
    const { revoked } = await caller(ctx).sessions.revokeOthers()
    return redirectWithFlash(
      ctx,
      '/settings/sessions',
      `Signed out ${countOf(revoked, { one: 'other session', other: 'other sessions' })}.`,
    )
  } catch (e) {
    return actionFailure(ctx, e)
  }
}

export default function SignOutOthers() {
  return (
    <ConfirmScreen title="Sign out everywhere else?" backTo="/settings/sessions" confirmLabel="Sign out other sessions">
      Every other browser and device signed in as you will be signed out on its next request. This one stays signed in.
    </ConfirmScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
