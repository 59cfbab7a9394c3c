/**
 * Local times in the viewer's time zone <-> UTC instants, for forms (product.md, Screens: times).
 * Day, week and month starts use the runtime's Intl zone data (shared/time-zone.ts); dayjs (already
 * used by @mantine/dates) with its utc and timezone plugins reads the times people type into forms.
 * The other direction, an instant as a datetime-local value, is `toLocalInputValue` in
 * shared/time-zone.ts (the browser needs it too).
 */
import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import { dayKey, startOfLocalDay } from '#shared/time-zone.ts'

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

/** The local calendar date of `value` in `timeZone` as numbers (month 1–12). */
function localYmd(value: Date, timeZone: string): [number, number, number] {
  const [y, m, d] = dayKey(value, timeZone).split('-').map(Number)
  return [y!, m!, d!]
}

/**
 * Midnight at the start of `value`'s day in `timeZone`, plus `days` days, as a UTC Date (the first
 * instant of that local day if a clock change skips midnight). Intl only: this runs several times
 * per list and dashboard request, and dayjs's zone plugin cost ~0.35 ms a call.
 */
export function startOfDay(value: Date, timeZone: string, days = 0): Date {
  const [y, m, d] = localYmd(value, timeZone)
  return startOfLocalDay(y, m, d + days, timeZone)
}

/** Midnight at the start of the week (Monday) of `value` in `timeZone`, plus `weeks` weeks. */
export function startOfWeek(value: Date, timeZone: string, weeks = 0): Date {
  const [y, m, d] = localYmd(value, timeZone)
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return startOfLocalDay(y, m, d - ((weekday + 6) % 7) + 7 * weeks, timeZone)
}

/** Midnight at the start of the month of `value` in `timeZone`. */
export function startOfMonth(value: Date, timeZone: string): Date {
  const [y, m] = localYmd(value, timeZone)
  return startOfLocalDay(y, m, 1, timeZone)
}

/** "2026-11-24" in `timeZone` (the value of a date input), with a cached Intl formatter. */
export function localDate(value: Date, timeZone: string): string {
  return dayKey(value, timeZone)
}

/** Reads a local date ("2026-11-24") in `timeZone` as the UTC instant of its midnight; null if malformed. */
export function localDateToUtc(text: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return null
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number]
  if (new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) !== text) return null
  return startOfLocalDay(y, m, d, timeZone)
}
