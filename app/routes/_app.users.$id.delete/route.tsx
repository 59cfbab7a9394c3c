import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ConfirmScreen } from '#app/components/form/confirm-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { readFormData } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { caller } from '#app/utils/caller.server.ts'
import { confirmedAction, loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Delete user · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'delete')
  const user = await loadOrThrow(ctx, request, () => caller(ctx).users.byId({ id: params.id ?? '' }))
  return { id: user.id, fullName: user.fullName }
}

/** Deletes through `users.delete` (never oneself or the last active admin; audited). */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'delete')
  const returnTo = safeRedirect(String((await readFormData(request)).get('returnTo') ?? ''), '/users')
  return confirmedAction(ctx, returnTo, async () => {
    const { fullName } = await caller(ctx).users.delete({ id: params.id ?? '' })
    return `${fullName} was deleted.`
  })
}

export default function DeleteUser() {
  const user = useLoaderData<typeof loader>()
  return (
    <ConfirmScreen title={`Delete ${user.fullName}?`} backTo="/users" confirmLabel="Delete user">
      Their sessions and permission overrides are removed. The audit log keeps what they did. This cannot be undone.
    </ConfirmScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
