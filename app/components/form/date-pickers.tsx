/**
 * The @mantine/dates pickers behind DateInput (date-input.tsx) and DateTimeInput (date-time-input.tsx):
 * a module of its own, loaded the first time the pointer or focus reaches the look-alike those render
 * (load-on-reach.ts), with dayjs, the calendars and their 19 KB of CSS.
 */
import '@mantine/dates/styles.css'
import { DatePickerInput, DateTimePicker } from '@mantine/dates'
import { useRef } from 'react'
import { useTakeOver, type Reach } from './load-on-reach'
import classes from './date-pickers.module.css'

/**
 * The picker's open calendar as a named dialog: Mantine labels it by an id its own input does not
 * carry (the input keeps the id its label points at), so it gets a name of its own.
 */
function pickerDropdown(name: string) {
  return { attributes: { dropdown: { 'aria-label': name, 'aria-labelledby': undefined } } }
}

/** What both pickers share: the clear button's and the month arrows' names, the calendar's colours and name. */
function sharedProps(label: string, dialog: string) {
  return {
    clearButtonProps: { 'aria-label': `Clear ${label.toLowerCase()}` },
    nextLabel: 'Next month',
    previousLabel: 'Previous month',
    classNames: { day: classes.day },
    popoverProps: pickerDropdown(`${label}: ${dialog}`),
  }
}

/** Opens the picker whose button is `button` unless it is open already (a press that reached it itself). */
function openPicker(button: HTMLElement) {
  if (button.getAttribute('aria-expanded') !== 'true') button.click()
}

/** A calendar day ("2026-11-24" submitted as `name`), written "1 Dec 2026"; see DateInput. */
export function DatePickerField(props: {
  name: string
  label: string
  defaultValue?: string
  w?: number | string
  submitOnChange?: boolean
  reach?: Reach
}) {
  const wrapper = useRef<HTMLDivElement>(null)
  useTakeOver(wrapper, props.reach, 'button', openPicker)
  return (
    <div ref={wrapper}>
      <DatePickerInput
        name={props.name}
        label={props.label}
        defaultValue={props.defaultValue || null}
        valueFormat="D MMM YYYY"
        placeholder="Any day"
        clearable
        {...sharedProps(props.label, 'choose a day')}
        w={props.w}
        onChange={() => {
          // After the hidden input holds the new day.
          if (props.submitOnChange) setTimeout(() => wrapper.current?.closest('form')?.requestSubmit())
        }}
      />
    </div>
  )
}

/** A local date and time ("2026-11-24 10:00:00" submitted as `name`); see DateTimeInput. */
export function DateTimePickerField(props: {
  name: string
  id?: string
  label: string
  /** The local time, "2026-11-24T10:00", or ''. */
  local: string
  error?: string
  description?: string
  required?: boolean
  reach?: Reach
}) {
  const wrapper = useRef<HTMLDivElement>(null)
  useTakeOver(wrapper, props.reach, 'button', openPicker)
  return (
    <div ref={wrapper}>
      <DateTimePicker
        id={props.id}
        name={props.name}
        label={props.label}
        description={props.description}
        defaultValue={props.local ? `${props.local.replace('T', ' ')}:00` : undefined}
        error={props.error}
        required={props.required}
        valueFormat="ddd D MMM YYYY, HH:mm"
        placeholder="Pick a date and time"
        withSeconds={false}
        clearable={!props.required}
        {...sharedProps(props.label, 'choose a date and time')}
        timePickerProps={{ hoursInputLabel: 'Hours', minutesInputLabel: 'Minutes' }}
        submitButtonProps={{ 'aria-label': 'Use this date and time' }}
      />
    </div>
  )
}
