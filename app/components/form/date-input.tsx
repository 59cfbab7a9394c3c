/**
 * A calendar day ("2026-11-24") for list filters (product.md, Lists): a native date input without
 * JavaScript (the browser writes it in its own format), and once hydrated the @mantine/dates picker,
 * which writes days the way the app does ("1 Dec 2026") and submits the same "YYYY-MM-DD" value.
 * The picker's code (./date-pickers.tsx) loads the first time the pointer or focus reaches its
 * look-alike. With `submitOnChange`, picking or clearing a day submits the enclosing filter form.
 */
import { TextInput } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { useLoadOnReach } from './load-on-reach'
import { PickerLookAlike, pickerText } from './picker-look-alike'

const DatePickerField = lazy(() => import('./date-pickers').then((m) => ({ default: m.DatePickerField })))

export function DateInput(props: {
  name: string
  label: string
  defaultValue?: string
  w?: number | string
  submitOnChange?: boolean
}) {
  const hydrated = useHydrated()
  const { reach, handlers } = useLoadOnReach()
  if (!hydrated) {
    return <TextInput type="date" name={props.name} label={props.label} defaultValue={props.defaultValue} w={props.w} />
  }
  const lookAlike = (
    <PickerLookAlike
      name={props.name}
      label={props.label}
      value={props.defaultValue ?? ''}
      text={pickerText(props.defaultValue)}
      placeholder="Any day"
      w={props.w}
      handlers={handlers}
    />
  )
  return <Suspense fallback={lookAlike}>{reach ? <DatePickerField {...props} reach={reach} /> : lookAlike}</Suspense>
}
