/**
 * A date and time in the viewer's time zone (product.md, Screens: times): a native datetime-local
 * input without JavaScript, the @mantine/dates picker once hydrated (its code, ./date-pickers.tsx,
 * loads the first time the pointer or focus reaches its look-alike). Both submit a local time
 * without a zone ("2026-11-24T10:00" or "2026-11-24 10:00:00"); the action reads it in the viewer's
 * time zone (server/time.server.ts).
 */
import { TextInput } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { toLocalInputValue } from '#shared/time-zone.ts'
import { useTimeZone } from '#app/utils/format.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { useLoadOnReach } from './load-on-reach'
import { PickerLookAlike, pickerText } from './picker-look-alike'

const DateTimePickerField = lazy(() => import('./date-pickers').then((m) => ({ default: m.DateTimePickerField })))

export function DateTimeInput(props: {
  name: string
  id?: string
  label: string
  defaultValue?: string | Date | null
  error?: string
  description?: string
  required?: boolean
}) {
  const hydrated = useHydrated()
  const { reach, handlers } = useLoadOnReach()
  const local = toLocalInputValue(props.defaultValue, useTimeZone())
  if (!hydrated) {
    return (
      <TextInput
        type="datetime-local"
        id={props.id}
        name={props.name}
        label={props.label}
        description={props.description}
        defaultValue={local}
        error={props.error}
        required={props.required}
      />
    )
  }
  const field = {
    id: props.id,
    name: props.name,
    label: props.label,
    description: props.description,
    error: props.error,
    required: props.required,
  }
  const lookAlike = (
    <PickerLookAlike
      {...field}
      value={local ? `${local.replace('T', ' ')}:00` : ''}
      text={pickerText(local)}
      placeholder="Pick a date and time"
      handlers={handlers}
    />
  )
  return (
    <Suspense fallback={lookAlike}>
      {reach ? <DateTimePickerField {...field} local={local} reach={reach} /> : lookAlike}
    </Suspense>
  )
}
