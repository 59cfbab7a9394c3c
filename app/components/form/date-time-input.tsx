/**
 * A date and time in the viewer's time zone (product.md, Screens: times): a native datetime-local
 * input without JavaScript, the @mantine/dates picker once hydrated. Both submit a local time
 * without a zone ("2026-11-24T10:00" or "2026-11-24 10:00:00"); the action reads it in the viewer's
 * time zone (server/time.server.ts).
 */
import '@mantine/dates/styles.css'
import { TextInput } from '@mantine/core'
import { DateTimePicker } from '@mantine/dates'
import { toLocalInputValue } from '#shared/time-zone.ts'
import { useTimeZone } from '#app/utils/format.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import classes from './date-pickers.module.css'

/**
 * The picker's open calendar as a named dialog: Mantine labels it by an id its own input does not
 * carry (the input keeps the id its label points at), so it gets a name of its own.
 */
export function pickerDropdown(name: string) {
  return { attributes: { dropdown: { 'aria-label': name, 'aria-labelledby': undefined } } }
}

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
  return (
    <DateTimePicker
      id={props.id}
      name={props.name}
      label={props.label}
      description={props.description}
      defaultValue={local ? `${local.replace('T', ' ')}:00` : undefined}
      error={props.error}
      required={props.required}
      valueFormat="ddd D MMM YYYY, HH:mm"
      placeholder="Pick a date and time"
      withSeconds={false}
      clearable={!props.required}
      clearButtonProps={{ 'aria-label': `Clear ${props.label.toLowerCase()}` }}
      nextLabel="Next month"
      previousLabel="Previous month"
      timePickerProps={{ hoursInputLabel: 'Hours', minutesInputLabel: 'Minutes' }}
      submitButtonProps={{ 'aria-label': 'Use this date and time' }}
      classNames={{ day: classes.day }}
      popoverProps={pickerDropdown(`${props.label}: choose a date and time`)}
    />
  )
}
