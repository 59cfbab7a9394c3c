import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ConfirmScreen } from '#app/components/form/confirm-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { readFormData } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { caller } from '#app/utils/caller.server.ts'
import { confirmedAction, loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Deactivate user · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'update')
  const user = await loadOrThrow(ctx, request, () => caller(ctx).users.byId({ id: params.id ?? '' }))
  return { id: user.id, fullName: user.fullName }
}

/** Deactivates through `users.setActive` (their sessions end at once; audited). */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'update')
  const returnTo = safeRedirect(String((await readFormData(request)).get('returnTo') ?? ''), '/users')
  return confirmedAction(ctx, returnTo, async () => {
    const user = await caller(ctx).users.setActive({ id: params.id ?? '', active: false })
    return `${user.fullName} is now inactive.`
  })
}

export default function DeactivateUser() {
  const user = useLoaderData<typeof loader>()
  return (
    <ConfirmScreen title={`Deactivate ${user.fullName}?`} backTo="/users" confirmLabel="Deactivate" color="orange">
      They are signed out at once and cannot sign in until someone activates them again.
    </ConfirmScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
