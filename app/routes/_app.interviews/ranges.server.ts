/**
 * Date ranges of the interview list (product.md, Interviews: list): presets a coordinator picks in
 * one click, as calendar days in the viewer's time zone.
 */
import { localDate, startOfDay, startOfWeek } from '#app/utils/time.server.ts'
import { RANGE_PRESETS, type RangePreset } from './ranges'

/**
 * The `from`/`to` days (inclusive, "2026-11-24") of a preset, in `timeZone`, as of `now`:
 * upcoming = today and the next 14 days; week = Monday to Sunday; past = up to yesterday.
 */
export function presetDays(preset: RangePreset, now: Date, timeZone: string): { from?: string; to?: string } {
  const day = (d: Date) => localDate(d, timeZone)
  switch (preset) {
    case 'upcoming':
      return { from: day(now), to: day(startOfDay(now, timeZone, 14)) }
    case 'today':
      return { from: day(now), to: day(now) }
    case 'week':
      return { from: day(startOfWeek(now, timeZone)), to: day(startOfDay(startOfWeek(now, timeZone, 1), timeZone, -1)) }
    case 'next-week':
      return { from: day(startOfWeek(now, timeZone, 1)), to: day(startOfDay(startOfWeek(now, timeZone, 2), timeZone, -1)) }
    case 'past':
      return { to: day(startOfDay(now, timeZone, -1)) }
    case 'all':
      return {}
  }
}

/** The preset named in the URL (`range`), or `upcoming` when neither a preset nor dates are given. */
export function presetFrom(params: URLSearchParams): RangePreset | null {
  const range = params.get('range')
  if ((RANGE_PRESETS as readonly string[]).includes(range ?? '')) return range as RangePreset
  return params.get('from') || params.get('to') ? null : 'upcoming'
}
