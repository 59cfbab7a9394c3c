/** The candidate form for /candidates/new and /candidates/:id/edit (product.md, Forms). */
import type { SubmissionResult } from '@conform-to/react'
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core'
import { Form, useNavigation } from '@remix-run/react'
import { CANDIDATE_STATUS_LABELS, CANDIDATE_STATUSES } from '#shared/vocabulary/candidates.ts'
import { FormErrors } from '#app/components/form/form-errors.tsx'
import { useFormState } from '#app/components/form/child-screen.ts'
import { usePhoneRegion } from '#app/utils/format.ts'
import { useSchemaForm } from '#app/utils/forms.ts'
import { Field } from '#app/components/form/field.tsx'

export interface CandidateFormValues {
  fullName?: string
  email?: string
  position?: string
  phone?: string | null
  resumeUrl?: string | null
  notes?: string | null
}

export function CandidateForm(props: {
  mode: 'create' | 'edit'
  candidateId?: string
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: CandidateFormValues
}) {
  const region = usePhoneRegion()
  const mode = props.mode
  const [form, fields] = useSchemaForm(
    () =>
      import('#shared/schemas/candidates.ts').then((m) =>
        mode === 'create' ? m.candidateCreateInput(region) : m.candidateUpdateInput(region),
      ),
    {
      id: `candidate-${props.mode}`,
      lastResult: props.lastResult,
      defaultValue: props.defaultValue as Record<string, unknown>,
    },
  )
  const navigation = useNavigation()
  const state = useFormState()
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate state={state}>
      <Stack gap="sm">
        <FormErrors errors={form.errors} id={form.errorId} />
        {props.candidateId && <input type="hidden" name="id" value={props.candidateId} />}
        <Field as={TextInput} field={fields.fullName} label="Full name" required autoComplete="off" data-autofocus />
        <Field as={TextInput} field={fields.email} label="Email" type="email" required />
        <Field
          as={TextInput}
          field={fields.position}
          label="Position"
          required
          description="The role they applied for, e.g. Support Agent"
        />
        <Field
          as={TextInput}
          field={fields.phone}
          label="Phone"
          type="tel"
          description="Any format; stored in international form"
        />
        <Field as={TextInput} field={fields.resumeUrl} label="Resume link" type="url" placeholder="https://…" />
        <Field as={Textarea} field={fields.notes} label="Notes" autosize minRows={3} maxRows={10} />
        {props.mode === 'create' && (
          <Field
            as={NativeSelect}
            field={fields.status!}
            label="Status"
            defaultValue={(fields.status!.initialValue as string | undefined) ?? 'applied'}
            data={CANDIDATE_STATUSES.map((s) => ({ value: s, label: CANDIDATE_STATUS_LABELS[s] }))}
          />
        )}
        <Group justify="flex-end" mt="xs">
          <Button type="submit" loading={navigation.state === 'submitting' && navigation.formAction !== undefined}>
            {props.mode === 'create' ? 'Add candidate' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </Form>
  )
}
