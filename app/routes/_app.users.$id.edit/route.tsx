import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { UserUpdateInput } from '#app/utils/schemas.server.ts'
import { FormScreen } from '#app/components/form/form-screen.tsx'
import { onReach } from '#app/components/form/hydrate-on-reach.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { UserForm as UserFormNow } from '#app/components/users/user-form.tsx'
import '#app/components/users/user-form.tsx?styles'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'

/** The form's code loads when a person first reaches it (its markup comes with the page). */
const UserForm = onReach(import.meta.env.SSR && UserFormNow, () =>
  import('#app/components/users/user-form.tsx').then((m) => m.UserForm),
)

export const meta: MetaFunction = () => [{ title: 'Edit user · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'update')
  const user = await loadOrThrow(ctx, request, () => caller(ctx).users.byId({ id: params.id ?? '' }))
  return { id: user.id, fullName: user.fullName, email: user.email, role: user.role }
}

/** Saves through `users.update`: only changed fields are written and audited; a new password ends the user's sessions. */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const outcome = await submitForm(
    ctx,
    request,
    formData,
    UserUpdateInput,
    (input) => caller(ctx).users.update(input),
    { hideFields: ['password'] },
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, '/users', `${outcome.result.fullName} was saved.`)
}

export default function EditUser() {
  const user = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <FormScreen title={`Edit ${user.fullName}`} backTo="/users" backLabel="Users">
      <UserForm mode="edit" userId={user.id} lastResult={lastResult} defaultValue={user} />
    </FormScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
