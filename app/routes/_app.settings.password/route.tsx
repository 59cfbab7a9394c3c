import { PasswordInput } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { MIN_PASSWORD_LENGTH } from '#shared/vocabulary/passwords.ts'
import { FormCard } from '#app/components/form/form-card.tsx'
import { SubmitRow } from '#app/components/form/submit-row.tsx'
import { usePasswordStrength } from '#app/components/form/password-strength.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { useSchemaForm } from '#app/utils/forms.ts'
import { Field } from '#app/components/form/field.tsx'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { ChangePasswordForm } from '#app/utils/schemas.server.ts'
import { countOf } from '#shared/plural.ts'

export const meta: MetaFunction = () => [{ title: 'Password · Settings · Gatehouse' }]

export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'settings')
  return null
}

/**
 * Changes one's own password (`auth.changePassword`): every other session ends, this browser gets a
 * new session cookie with the redirect.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  const outcome = await submitForm(
    ctx,
    request,
    await readFormData(request),
    ChangePasswordForm,
    ({ currentPassword, newPassword }) => caller(ctx).auth.changePassword({ currentPassword, newPassword }),
    { hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] },
  )
  if (!outcome.ok) return outcome.response
  const { otherSessionsEnded: n } = outcome.result
  return redirectWithFlash(
    ctx,
    '/settings/password',
    `Your password was changed${n ? ` and ${countOf(n, { one: 'other session', other: 'other sessions' })} signed out` : ''}.`,
  )
}

export default function PasswordSettings() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(() => import('#shared/schemas/auth.ts').then((m) => m.ChangePasswordForm), {
    id: 'password',
    lastResult,
  })
  const strength = usePasswordStrength()
  return (
    <FormCard
      title="Password"
      intro={
        <>
          At least {MIN_PASSWORD_LENGTH} characters, hard to guess, not your email or your name. Changing it signs you
          out everywhere else.
        </>
      }
      form={form}
    >
      <Field
        as={PasswordInput}
        field={fields.currentPassword!}
        label="Current password"
        required
        autoComplete="current-password"
        defaultValue=""
      />
      <Field
        as={PasswordInput}
        field={fields.newPassword!}
        label="New password"
        required
        autoComplete="new-password"
        defaultValue=""
        onChange={strength.onChange}
      />
      {strength.hint}
      <Field
        as={PasswordInput}
        field={fields.confirmPassword!}
        label="New password again"
        required
        autoComplete="new-password"
        defaultValue=""
      />
      <SubmitRow>Change password</SubmitRow>
    </FormCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
