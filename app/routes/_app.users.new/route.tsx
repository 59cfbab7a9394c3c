import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLocation } from '@remix-run/react'
import { UserCreateInput } from '#app/utils/schemas.server.ts'
import { FormScreen } from '#app/components/form/form-screen.tsx'
import { onReach } from '#app/components/form/hydrate-on-reach.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { UserForm as UserFormNow } from '#app/components/users/user-form.tsx'
import '#app/components/users/user-form.tsx?styles'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'

/** The form's code loads when a person first reaches it (its markup comes with the page). */
const UserForm = onReach(import.meta.env.SSR && UserFormNow, () =>
  import('#app/components/users/user-form.tsx').then((m) => m.UserForm),
)

export const meta: MetaFunction = () => [{ title: 'Add user · Gatehouse' }]

export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'user_management', 'create')
  return null
}

/** Adds a user through `users.create` (roles below one's own for non-admins) and goes back to the list. */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'create')
  const outcome = await submitForm(
    ctx,
    request,
    await readFormData(request),
    UserCreateInput,
    (input) => caller(ctx).users.create(input),
    { hideFields: ['password'] },
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, '/users', `${outcome.result.fullName} was added.`)
}

export default function NewUser() {
  const lastResult = useActionData<typeof action>()
  const state = useLocation().state as { backTo?: string } | null
  return (
    <FormScreen title="Add user" backTo={state?.backTo ?? '/users'} backLabel="Users">
      <UserForm mode="create" lastResult={lastResult} />
    </FormScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
