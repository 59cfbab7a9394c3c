/**
 * The viewer's time zone (product.md, Screens: times). The browser detects it and stores it in a
 * cookie so server rendering shows the same local times; until then everything is shown in UTC.
 * Times are always stored in UTC.
 */

export const TIME_ZONE_COOKIE = 'gatehouse_tz'
export const DEFAULT_TIME_ZONE = 'UTC'

/** Whether `name` is an IANA time zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The time zone in a Cookie header, or DEFAULT_TIME_ZONE when absent or not a real zone. */
export function timeZoneFromCookie(cookieHeader: string | null): string {
  if (!cookieHeader) return DEFAULT_TIME_ZONE
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === TIME_ZONE_COOKIE) {
      let value = rest.join('=')
      try {
        value = decodeURIComponent(value)
      } catch {
        return DEFAULT_TIME_ZONE
      }
      return isTimeZone(value) ? value : DEFAULT_TIME_ZONE
    }
  }
  return DEFAULT_TIME_ZONE
}

const cache = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone })
    cache.set(key, f)
  }
  return f
}

/** "Tue 24 Nov 2026" in `timeZone`. */
export function formatDay(value: Date | string, timeZone: string): string {
  return formatter(timeZone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(value),
  )
}

/** "24 Nov 2026, 09:30" in `timeZone`. */
export function formatDateTime(value: Date | string, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value))
}

/** "24 Nov 2026" in `timeZone`. */
export function formatDate(value: Date | string, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium' }).format(new Date(value))
}

/** "09:30" (24-hour) in `timeZone`. */
export function formatTime(value: Date | string, timeZone: string): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value))
}

/** The calendar day ("2026-11-24") of `value` in `timeZone`: the key to group a day's rows by. */
export function dayKey(value: Date | string, timeZone: string): string {
  return formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(value))
    .split('/')
    .reverse()
    .join('-')
}

/**
 * The value of a datetime-local input for `value` in `timeZone` ("2026-11-24T10:00"). A value that
 * is already a local time without a zone is returned as it is; anything unparseable becomes ''.
 */
export function toLocalInputValue(value: Date | string | null | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(value))
    return value.replace(' ', 'T').slice(0, 16)
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const parts = Object.fromEntries(
    formatter(timeZone, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/** The zone's offset from UTC at `instant`, in ms (Paris in winter: 3,600,000), from a cached formatter. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const p: Record<string, number> = {}
  for (const part of formatter(timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value)
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(instant / 1000) * 1000
}

/**
 * The first instant of the local day `year-month-day` in `timeZone`, as a UTC Date (month 1–12;
 * days past the month's end roll over, as Date.UTC does). Usually local midnight; where a clock
 * change skips midnight, the first local time that exists that day. Two offset lookups, no library.
 */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day)
  const first = wall - zoneOffsetMs(wall, timeZone)
  const second = wall - zoneOffsetMs(first, timeZone)
  if (second === first) return new Date(first)
  // The offset changed between the guesses: take the one that lies in the day (midnight skipped).
  const key = new Date(wall).toISOString().slice(0, 10)
  return new Date(dayKey(new Date(second), timeZone) === key ? second : first)
}
