/**
 * A calendar day ("2026-11-24") for list filters (product.md, Lists): a native date input without
 * JavaScript (the browser writes it in its own format), and once hydrated the @mantine/dates picker,
 * which writes days the way the app does ("1 Dec 2026") and submits the same "YYYY-MM-DD" value.
 * With `submitOnChange`, picking or clearing a day submits the enclosing filter form.
 */
import '@mantine/dates/styles.css'
import { TextInput } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useRef } from 'react'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { pickerDropdown } from './date-time-input'
import classes from './date-pickers.module.css'

export function DateInput(props: {
  name: string
  label: string
  defaultValue?: string
  w?: number | string
  submitOnChange?: boolean
}) {
  const hydrated = useHydrated()
  const wrapper = useRef<HTMLDivElement>(null)
  if (!hydrated) {
    return <TextInput type="date" name={props.name} label={props.label} defaultValue={props.defaultValue} w={props.w} />
  }
  return (
    <div ref={wrapper}>
      <DatePickerInput
        name={props.name}
        label={props.label}
        defaultValue={props.defaultValue || null}
        valueFormat="D MMM YYYY"
        placeholder="Any day"
        clearable
        clearButtonProps={{ 'aria-label': `Clear ${props.label.toLowerCase()}` }}
        nextLabel="Next month"
        previousLabel="Previous month"
        w={props.w}
        classNames={{ day: classes.day }}
        popoverProps={pickerDropdown(`${props.label}: choose a day`)}
        onChange={() => {
          // After the hidden input holds the new day.
          if (props.submitOnChange) setTimeout(() => wrapper.current?.closest('form')?.requestSubmit())
        }}
      />
    </div>
  )
}
