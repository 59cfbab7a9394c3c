import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ConfirmScreen } from '#app/components/form/confirm-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { actionFailure, loadOrThrow } from '#app/utils/route-errors.server.ts'
import { countOf } from '#shared/plural.ts'

export const meta: MetaFunction = () => [{ title: 'Sign out everywhere · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'grant')
  const user = await loadOrThrow(ctx, request, () => caller(ctx).users.byId({ id: params.id ?? '' }))
  return { id: user.id, fullName: user.fullName }
}

/** Ends every session of the user (`sessions.revokeAllForUser`, audited `logout_all`). */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'grant')
  try {
    const { revoked } = await caller(ctx).sessions.revokeAllForUser({ userId: params.id ?? '' })
    return redirectWithFlash(
      ctx,
      `/users/${params.id}`,
      `Signed out ${countOf(revoked, { one: 'session', other: 'sessions' })}.`,
    )
  } catch (e) {
    return actionFailure(ctx, e)
  }
}

export default function SignOutUserEverywhere() {
  const user = useLoaderData<typeof loader>()
  return (
    <ConfirmScreen
      title={`Sign ${user.fullName} out everywhere?`}
      backTo={`/users/${user.id}`}
      confirmLabel="Sign out every session"
    >
      {`Every browser and device signed in as ${user.fullName} is signed out on its next request. They can sign in again unless you deactivate them.`}
    </ConfirmScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
