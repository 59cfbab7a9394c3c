/** The user form for /users/new and /users/:id/edit (product.md, Forms). */
import type { SubmissionResult } from '@conform-to/react'
import { Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core'
import { Form, useNavigation } from '@remix-run/react'
import { asUser } from '#shared/permissions/ability.ts'
import { ROLE_LABELS, ROLES, type Role } from '#shared/permissions/policy.ts'
import { MIN_PASSWORD_LENGTH } from '#shared/vocabulary/passwords.ts'
import { FormErrors } from '#app/components/form/form-errors.tsx'
import { usePasswordStrength } from '#app/components/form/password-strength.tsx'
import { useFormState } from '#app/components/form/child-screen.ts'
import { useAbility } from '#app/utils/ability.ts'
import { useSchemaForm } from '#app/utils/forms.ts'
import { Field } from '#app/components/form/field.tsx'

export function UserForm(props: {
  mode: 'create' | 'edit'
  userId?: string
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: { fullName: string; email: string; role: Role }
}) {
  const ability = useAbility()
  const mode = props.mode
  const [form, fields] = useSchemaForm(
    () => import('#shared/schemas/users.ts').then((m) => (mode === 'create' ? m.UserCreateInput : m.UserUpdateInput)),
    {
      id: `user-${props.mode}`,
      lastResult: props.lastResult,
      defaultValue: props.defaultValue,
    },
  )
  const navigation = useNavigation()
  const state = useFormState()
  const strength = usePasswordStrength()
  // The ability says which roles this person may assign; only admins change an existing user's role.
  const assignable = ROLES.filter((r) => ability.can('create', asUser({ role: r })))
  const canChangeRole =
    props.mode === 'create' ||
    (props.defaultValue !== undefined &&
      ability.can('grant', asUser({ role: props.defaultValue.role, id: props.userId })))
  const field = (name: string) => fields[name]!
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate state={state}>
      <Stack gap="sm">
        <FormErrors errors={form.errors} id={form.errorId} />
        {props.userId && <input type="hidden" name="id" value={props.userId} />}
        <Field as={TextInput} field={field('fullName')} label="Full name" required data-autofocus />
        <Field as={TextInput} field={field('email')} label="Email" type="email" required />
        <Field
          as={NativeSelect}
          field={field('role')}
          label="Role"
          required
          defaultValue={(field('role').initialValue as string | undefined) ?? assignable.at(-1) ?? 'viewer'}
          disabled={!canChangeRole}
          description={
            canChangeRole
              ? undefined
              : ability.can('grant', 'user_management')
                ? 'Nobody changes their own role.'
                : 'Only admins can change roles.'
          }
          data={(props.mode === 'create' ? assignable : ROLES).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <Field
          as={PasswordInput}
          field={field('password')}
          label={props.mode === 'create' ? 'Password' : 'New password'}
          description={
            props.mode === 'create'
              ? `At least ${MIN_PASSWORD_LENGTH} characters.`
              : 'Leave empty to keep the current password. Setting one signs the user out everywhere.'
          }
          required={props.mode === 'create'}
          autoComplete="new-password"
          defaultValue=""
          onChange={strength.onChange}
        />
        {strength.hint}
        <Group justify="flex-end" mt="xs">
          <Button type="submit" loading={navigation.state === 'submitting'}>
            {props.mode === 'create' ? 'Add user' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </Form>
  )
}
