import { PasswordInput, TextInput } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ROLE_LABELS } from '#shared/permissions/policy.ts'
import { FormCard } from '#app/components/form/form-card.tsx'
import { SubmitRow } from '#app/components/form/submit-row.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { useSchemaForm } from '#app/utils/forms.ts'
import { Field } from '#app/components/form/field.tsx'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { UpdateProfileInput } from '#app/utils/schemas.server.ts'

export const meta: MetaFunction = () => [{ title: 'Profile · Settings · Gatehouse' }]

export function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  return { fullName: ctx.user.fullName, email: ctx.user.email, role: ctx.user.role }
}

/** Saves one's own name and email (`auth.updateProfile`; a new email needs the current password). */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  const outcome = await submitForm(
    ctx,
    request,
    await readFormData(request),
    UpdateProfileInput,
    (input) => caller(ctx).auth.updateProfile(input),
    {
      hideFields: ['currentPassword'],
    },
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, '/settings', 'Your profile was saved.')
}

export default function ProfileSettings() {
  const profile = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(() => import('#shared/schemas/auth.ts').then((m) => m.UpdateProfileInput), {
    id: 'profile',
    lastResult,
    defaultValue: { fullName: profile.fullName, email: profile.email },
  })
  return (
    <FormCard
      title="Profile"
      intro={<>Your role is {ROLE_LABELS[profile.role]}; an administrator changes roles.</>}
      form={form}
    >
      <Field as={TextInput} field={fields.fullName!} label="Full name" required autoComplete="name" />
      <Field as={TextInput} field={fields.email!} label="Email" type="email" required autoComplete="email" />
      <Field
        as={PasswordInput}
        field={fields.currentPassword!}
        label="Current password"
        description="Needed only to change your email"
        autoComplete="current-password"
        defaultValue=""
      />
      <SubmitRow>Save profile</SubmitRow>
    </FormCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
