/**
 * The schedule / reschedule form for /interviews/new and /interviews/:id/edit (product.md, Forms).
 * When the server refuses a start in the past (a message at `outcome`), the schedule form also asks
 * how that interview went, so saving again records it as a past interview (product.md, Interviews:
 * scheduling and the clock); this works without JavaScript, from the action's reply.
 */
import type { SubmissionResult } from '@conform-to/react'
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { Form, useNavigation } from '@remix-run/react'
import {
  DEFAULT_DURATION_MINS,
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_TYPE_LABELS,
  INTERVIEW_TYPES,
  PAST_OUTCOMES,
} from '#shared/vocabulary/interviews.ts'
import { DateTimeInput } from '#app/components/form/date-time-input.tsx'
import { FormErrors } from '#app/components/form/form-errors.tsx'
import { useFormState } from '#app/components/form/child-screen.ts'
import { RemoteSelect, type Option } from '#app/components/form/remote-select.tsx'
import { useSchemaForm } from '#app/utils/forms.ts'
import { Field } from '#app/components/form/field.tsx'

export function InterviewForm(props: {
  mode: 'create' | 'edit'
  /** The interview being rescheduled (edit mode). */
  interviewId?: string
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Record<string, unknown>
  /** The candidate when it is fixed (prefilled from their page, or when rescheduling). */
  candidate?: { id: string; label: string } | null
  candidateOptions: Option[]
  interviewerOptions: Option[]
}) {
  const mode = props.mode
  const [form, fields] = useSchemaForm(
    () =>
      import('#shared/schemas/interviews.ts').then((m) =>
        mode === 'create' ? m.InterviewScheduleInput : m.InterviewUpdateInput,
      ),
    {
      id: `interview-${props.mode}`,
      lastResult: props.lastResult,
      defaultValue: { durationMins: String(DEFAULT_DURATION_MINS), ...props.defaultValue },
    },
  )
  const navigation = useNavigation()
  const state = useFormState()
  const field = (name: string) => fields[name]!
  // Asked for once the server has offered it (its reply names `outcome`), and kept on later replies.
  const reply = props.lastResult
  const offerPast = props.mode === 'create' && Boolean(reply?.error?.outcome || reply?.initialValue?.outcome)
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate state={state}>
      <Stack gap="sm">
        <FormErrors errors={form.errors} id={form.errorId} />
        {props.interviewId && <input type="hidden" name="id" value={props.interviewId} />}
        {props.mode === 'create' &&
          (props.candidate ? (
            <>
              <input type="hidden" name="candidateId" value={props.candidate.id} />
              <Text>
                <Text span c="dimmed">
                  Candidate:{' '}
                </Text>
                {props.candidate.label}
              </Text>
            </>
          ) : (
            <Field
              as={RemoteSelect}
              field={field('candidateId')}
              label="Candidate"
              required
              options={props.candidateOptions}
              searchUrl="/interviews/options?for=candidates"
            />
          ))}
        {props.mode === 'edit' && props.candidate && (
          <Text>
            <Text span c="dimmed">
              Candidate:{' '}
            </Text>
            {props.candidate.label}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field
            as={RemoteSelect}
            field={field('interviewerId')}
            label="Interviewer"
            description="A colleague who can open interviews"
            emptyLabel="— an outside interviewer —"
            options={props.interviewerOptions}
            searchUrl="/interviews/options?for=interviewers"
          />
          <Field
            as={TextInput}
            field={field('interviewerName')}
            label="Or an outside interviewer"
            description="Their name, when they have no account"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field
            as={DateTimeInput}
            field={field('scheduledAt')}
            label="Starts"
            description="In your time zone"
            required={props.mode === 'create'}
          />
          <Field
            as={TextInput}
            field={field('durationMins')}
            label="Duration (minutes)"
            type="number"
            min={5}
            max={480}
            step={5}
          />
          <Field
            as={NativeSelect}
            field={field('interviewType')}
            label="Type"
            data={[
              ...(props.mode === 'create' ? [{ value: '', label: 'Choose…' }] : []),
              ...INTERVIEW_TYPES.map((t) => ({ value: t, label: INTERVIEW_TYPE_LABELS[t] })),
            ]}
          />
        </SimpleGrid>
        <Field as={Textarea} field={field('notes')} label="Notes" autosize minRows={2} maxRows={8} />
        {offerPast && (
          <Field
            as={NativeSelect}
            field={field('outcome')}
            label="Record as a past interview: how did it go?"
            description="Leave empty and pick a start from now on to schedule it instead"
            data={[
              { value: '', label: 'Choose…' },
              ...PAST_OUTCOMES.map((o) => ({ value: o, label: INTERVIEW_STATUS_LABELS[o] })),
            ]}
          />
        )}
        <Group justify="flex-end" mt="xs">
          <Button type="submit" loading={navigation.state === 'submitting'}>
            {props.mode === 'create' ? (offerPast ? 'Save interview' : 'Schedule interview') : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </Form>
  )
}
