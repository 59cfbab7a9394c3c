/**
 * Local times in the viewer's time zone <-> UTC instants, for forms (product.md, Screens: times).
 * dayjs (already used by @mantine/dates) with its utc and timezone plugins does the zone arithmetic.
 */
import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import { dayKey } from '#shared/time-zone.ts'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.extend(customParseFormat)

const LOCAL_FORMATS = ['YYYY-MM-DDTHH:mm', 'YYYY-MM-DDTHH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY-MM-DD HH:mm:ss']

/**
 * The UTC instant (ISO 8601) of a local time without a zone typed in `timeZone`
 * ("2026-11-24T10:00" in Europe/Paris -> "2026-11-24T09:00:00.000Z"). Text that is not such a local
 * time is returned unchanged, for the schema to refuse with its message.
 */
export function localToUtcIso(text: string, timeZone: string): string {
  const trimmed = text.trim()
  if (!LOCAL_FORMATS.some((f) => dayjs(trimmed, f, true).isValid())) return text
  return dayjs.tz(trimmed.replace(' ', 'T'), timeZone).toISOString()
}

/** `value` as a local time in `timeZone` for a datetime input ("2026-11-24T10:00"). */
export function utcToLocalInput(value: Date, timeZone: string): string {
  return dayjs(value).tz(timeZone).format('YYYY-MM-DDTHH:mm')
}

/** Midnight at the start of `value`'s day in `timeZone`, plus `days` days, as a UTC Date. */
export function startOfDay(value: Date, timeZone: string, days = 0): Date {
  return dayjs(value).tz(timeZone).startOf('day').add(days, 'day').toDate()
}

/** Midnight at the start of the week (Monday) of `value` in `timeZone`, plus `weeks` weeks. */
export function startOfWeek(value: Date, timeZone: string, weeks = 0): Date {
  const local = dayjs(value).tz(timeZone).startOf('day')
  const monday = local.subtract((local.day() + 6) % 7, 'day')
  return monday.add(weeks, 'week').toDate()
}

/** Midnight at the start of the month of `value` in `timeZone`. */
export function startOfMonth(value: Date, timeZone: string): Date {
  return dayjs(value).tz(timeZone).startOf('month').toDate()
}

/** "2026-11-24" in `timeZone` (the value of a date input), with a cached Intl formatter. */
export function localDate(value: Date, timeZone: string): string {
  return dayKey(value, timeZone)
}

/** Reads a local date ("2026-11-24") in `timeZone` as the UTC instant of its midnight; null if malformed. */
export function localDateToUtc(text: string, timeZone: string): Date | null {
  if (!dayjs(text, 'YYYY-MM-DD', true).isValid()) return null
  return dayjs.tz(text, timeZone).toDate()
}
