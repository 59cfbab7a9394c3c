/**
 * The call form: the full one for /calls/new and /calls/:id/edit, and the compact quick-log form above
 * the list for agents who log calls all day (product.md, Calls). Both post to /calls/new or the edit
 * route and are parsed with the procedure's schema. A call is one direction and one outcome (two
 * selects); a duration on a missed or busy call, or an inbound busy call, is refused at its field
 * by the same schema in the browser and on the server.
 */
import type { SubmissionResult } from '@conform-to/react'
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { Form, useFetcher, useNavigation } from '@remix-run/react'
import { CALL_DIRECTION_LABELS, CALL_DIRECTIONS, CALL_OUTCOME_LABELS, CALL_OUTCOMES } from '#shared/vocabulary/calls.ts'
import { DateTimeInput } from '#app/components/form/date-time-input.tsx'
import { FormErrors } from '#app/components/form/form-errors.tsx'
import { useFormState } from '#app/components/form/child-screen.ts'
import { RemoteSelect, type Option } from '#app/components/form/remote-select.tsx'
import { usePhoneRegion } from '#app/utils/format.ts'
import { checkboxProps, useSchemaForm } from '#app/utils/forms.ts'
import { Field } from '#app/components/form/field.tsx'

const directionOptions = CALL_DIRECTIONS.map((d) => ({ value: d, label: CALL_DIRECTION_LABELS[d] }))
const outcomeOptions = CALL_OUTCOMES.map((o) => ({ value: o, label: CALL_OUTCOME_LABELS[o] }))
/** What a new call starts as (product.md, Calls: logging). */
export const NEW_CALL_DEFAULTS = { direction: 'inbound', outcome: 'answered' } as const

export function CallForm(props: {
  mode: 'create' | 'edit'
  callId?: string
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Record<string, unknown>
  candidateOptions: Option[]
}) {
  const region = usePhoneRegion()
  const mode = props.mode
  const [form, fields] = useSchemaForm(
    () =>
      import('#shared/schemas/calls.ts').then((m) =>
        mode === 'create' ? m.callLogInput(region) : m.callUpdateInput(region),
      ),
    {
      id: `call-${props.mode}`,
      lastResult: props.lastResult,
      defaultValue: props.defaultValue,
    },
  )
  const navigation = useNavigation()
  const state = useFormState()
  const f = (name: string) => fields[name]!
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate state={state}>
      <Stack gap="sm">
        <FormErrors errors={form.errors} id={form.errorId} />
        {props.callId && <input type="hidden" name="id" value={props.callId} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field as={TextInput} field={f('callerName')} label="Caller name" required data-autofocus />
          <Field
            as={TextInput}
            field={f('callerNumber')}
            label="Number"
            type="tel"
            required
            description="Any format; stored in international form"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field as={NativeSelect} field={f('direction')} label="Direction" data={directionOptions} />
          <Field
            as={NativeSelect}
            field={f('outcome')}
            label="Outcome"
            description="Busy: outbound only"
            data={outcomeOptions}
          />
          <Field
            as={TextInput}
            field={f('durationSecs')}
            label="Duration"
            description="m:ss or seconds; 0 unless answered or voicemail"
            placeholder="4:05"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field
            as={DateTimeInput}
            field={f('calledAt')}
            label="When"
            description="In your time zone; not in the future"
          />
          <Field
            as={RemoteSelect}
            field={f('candidateId')}
            label="Candidate"
            description="If the call was with or about a candidate"
            emptyLabel="— none —"
            placeholder="Search candidates"
            options={props.candidateOptions}
            searchUrl="/calls/options"
          />
        </SimpleGrid>
        <Field as={Textarea} field={f('notes')} label="Notes" autosize minRows={2} maxRows={8} />
        <Checkbox
          label="Important (needs a follow-up)"
          value="true"
          key={f('isImportant').key}
          {...checkboxProps(f('isImportant'))}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={navigation.state === 'submitting'}>
            {props.mode === 'create' ? 'Log call' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </Form>
  )
}

/**
 * The quick-log form above the call log: one row of the fields an agent fills for every call; the
 * time is "now". Posts to /calls/new (with JavaScript through a fetcher, so errors show in place).
 */
export function QuickLogForm({ returnTo, candidateOptions }: { returnTo: string; candidateOptions: Option[] }) {
  const region = usePhoneRegion()
  const fetcher = useFetcher<SubmissionResult<string[]>>()
  const [form, fields] = useSchemaForm(() => import('#shared/schemas/calls.ts').then((m) => m.callLogInput(region)), {
    id: 'call-quick-log',
    lastResult: fetcher.data,
    defaultValue: NEW_CALL_DEFAULTS,
  })
  const f = (name: string) => fields[name]!
  return (
    <fetcher.Form
      method="post"
      action={`/calls/new?${new URLSearchParams({ returnTo })}`}
      id={form.id}
      onSubmit={form.onSubmit}
      noValidate
      aria-label="Quick log a call"
    >
      <FormErrors errors={form.errors} id={form.errorId} />
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Field as={TextInput} field={f('callerName')} label="Caller name" required w={180} />
        <Field as={TextInput} field={f('callerNumber')} label="Number" type="tel" required w={170} />
        <Field as={NativeSelect} field={f('direction')} label="Direction" w={120} data={directionOptions} />
        <Field as={NativeSelect} field={f('outcome')} label="Outcome" w={120} data={outcomeOptions} />
        <Field as={TextInput} field={f('durationSecs')} label="Duration" placeholder="m:ss" w={90} />
        <RemoteSelect
          name="candidateId"
          label="Candidate"
          emptyLabel="— none —"
          placeholder="Search"
          options={candidateOptions}
          searchUrl="/calls/options"
          error={f('candidateId').errors?.[0]}
          w={190}
        />
        <Field as={TextInput} field={f('notes')} label="Notes" w={220} />
        <Checkbox
          label="Important"
          value="true"
          mt={30}
          key={f('isImportant').key}
          {...checkboxProps(f('isImportant'))}
        />
        <Button type="submit" mt={24} loading={fetcher.state !== 'idle'}>
          Log call
        </Button>
      </Group>
    </fetcher.Form>
  )
}
