/**
 * What a date picker shows before its code has arrived (load-on-reach.ts): Mantine's picker button
 * with the same label, text and hidden value, so the page looks and submits the same and a press
 * on it opens the real picker as soon as it is there.
 */
import { Input, InputBase } from '@mantine/core'
import type { useLoadOnReach } from './load-on-reach'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/**
 * A local day or time as the pickers write it (dayjs's English names): "2026-12-01" → "1 Dec 2026",
 * "2026-12-01T09:30" → "Tue 1 Dec 2026, 09:30". Anything else → ''.
 */
export function pickerText(local: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(local ?? '')
  if (!m) return ''
  const [, year, month, day, hour, minute] = m
  const date = `${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year}`
  if (hour === undefined) return date
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()]
  return `${weekday} ${date}, ${hour}:${minute}`
}

export function PickerLookAlike(props: {
  id?: string
  name: string
  label: string
  /** The submitted value, as the real picker's hidden input holds it. */
  value: string
  text: string
  placeholder: string
  description?: string
  error?: string
  required?: boolean
  w?: number | string
  handlers: ReturnType<typeof useLoadOnReach>['handlers']
}) {
  return (
    <div>
      <InputBase
        component="button"
        type="button"
        multiline
        pointer
        id={props.id}
        label={props.label}
        description={props.description}
        error={props.error}
        required={props.required}
        w={props.w}
        {...props.handlers}
      >
        {props.text || <Input.Placeholder>{props.placeholder}</Input.Placeholder>}
      </InputBase>
      <input type="hidden" name={props.name} value={props.value} />
    </div>
  )
}
