/** Date range presets as calendar days in the viewer's time zone (product.md, Lists). */
import { localDate, startOfDay, startOfMonth, startOfWeek } from '#server/time.server.ts'
import type { DatePreset } from './date-ranges'

/**
 * The `from`/`to` days (inclusive, "2026-11-24") of a preset in `timeZone` as of `now`: upcoming =
 * today and the next 14 days; week = Monday to Sunday; last 7 days = today and the 6 before; past =
 * up to yesterday; all = no bounds.
 */
export function presetDays(preset: DatePreset, now: Date, timeZone: string): { from?: string; to?: string } {
  const day = (d: Date) => localDate(d, timeZone)
  switch (preset) {
    case 'upcoming':
      return { from: day(now), to: day(startOfDay(now, timeZone, 14)) }
    case 'today':
      return { from: day(now), to: day(now) }
    case 'yesterday': {
      const y = day(startOfDay(now, timeZone, -1))
      return { from: y, to: y }
    }
    case 'week':
      return { from: day(startOfWeek(now, timeZone)), to: day(startOfDay(startOfWeek(now, timeZone, 1), timeZone, -1)) }
    case 'next-week':
      return {
        from: day(startOfWeek(now, timeZone, 1)),
        to: day(startOfDay(startOfWeek(now, timeZone, 2), timeZone, -1)),
      }
    case 'last-7-days':
      return { from: day(startOfDay(now, timeZone, -6)), to: day(now) }
    case 'this-month':
      return { from: day(startOfMonth(now, timeZone)), to: day(now) }
    case 'past':
      return { to: day(startOfDay(now, timeZone, -1)) }
    case 'all':
      return {}
  }
}

/**
 * Applies the preset named in `url`'s `range` (one of `allowed`), or `fallback` when the URL names
 * neither a preset nor dates: returns a copy of the URL with `from`/`to` set to the preset's days,
 * and the preset in force (null for dates typed by hand).
 */
export function withPreset(
  url: URL,
  allowed: readonly DatePreset[],
  fallback: DatePreset,
  now: Date,
  timeZone: string,
): { url: URL; preset: DatePreset | null } {
  const params = url.searchParams
  const named = params.get('range')
  const preset = allowed.includes(named as DatePreset)
    ? (named as DatePreset)
    : params.get('from') || params.get('to')
      ? null
      : fallback
  const effective = new URL(url)
  if (preset) {
    const days = presetDays(preset, now, timeZone)
    effective.searchParams.delete('from')
    effective.searchParams.delete('to')
    if (days.from) effective.searchParams.set('from', days.from)
    if (days.to) effective.searchParams.set('to', days.to)
  }
  return { url: effective, preset }
}
