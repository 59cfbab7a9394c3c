/**
 * Local days in the viewer's zone (product.md, Screens: times): the start of a day, week or month is
 * the first instant of that local date, across clock changes, in zones with odd offsets too.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayKey } from '#shared/time-zone.ts'
import { localDateToUtc, startOfDay, startOfMonth, startOfWeek } from '#server/time.server.ts'

const ZONES = [
  'UTC',
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'Asia/Kolkata',
  'Asia/Tehran',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Beirut',
]
const instant = fc.date({
  min: new Date('1995-01-01T00:00:00Z'),
  max: new Date('2040-01-01T00:00:00Z'),
  noInvalidDate: true,
})
const zone = fc.constantFrom(...ZONES)

/** The local date `days` after `value`'s local date in `tz`, by calendar arithmetic. */
function plusDays(value: Date, tz: string, days: number): string {
  const [y, m, d] = dayKey(value, tz).split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10)
}

describe('startOfDay', () => {
  it('is the first instant of the local day, days later', () => {
    fc.assert(
      fc.property(instant, zone, fc.integer({ min: -40, max: 40 }), (value, tz, days) => {
        const start = startOfDay(value, tz, days)
        expect(dayKey(start, tz)).toBe(plusDays(value, tz, days))
        expect(dayKey(new Date(start.getTime() - 1), tz)).toBe(plusDays(value, tz, days - 1))
      }),
      { numRuns: 2_000 },
    )
  })

  it('handles the days clocks change', () => {
    // Paris springs forward at 02:00 on 29 March 2026: the day starts at 23:00Z the day before.
    expect(startOfDay(new Date('2026-03-29T12:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z')
    // New York falls back on 1 November 2026: that day is 25 hours long.
    expect(startOfDay(new Date('2026-11-01T12:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    )
    expect(startOfDay(new Date('2026-11-01T12:00:00Z'), 'America/New_York', 1).toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    )
    // Havana springs forward at midnight (8 March 2026): there is no 00:00, the day starts at 01:00.
    expect(startOfDay(new Date('2026-03-08T12:00:00Z'), 'America/Havana').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    )
  })
})

describe('startOfWeek and startOfMonth', () => {
  it('start on a local Monday and on the 1st', () => {
    fc.assert(
      fc.property(instant, zone, fc.integer({ min: -3, max: 3 }), (value, tz, weeks) => {
        const week = startOfWeek(value, tz, weeks)
        const key = dayKey(week, tz)
        expect(new Date(`${key}T00:00:00Z`).getUTCDay()).toBe(1)
        expect(dayKey(new Date(week.getTime() - 1), tz)).not.toBe(key)
        const thisMonday = dayKey(startOfWeek(value, tz), tz)
        expect(Math.round((Date.parse(key) - Date.parse(thisMonday)) / 86_400_000)).toBe(7 * weeks)
        const month = startOfMonth(value, tz)
        expect(dayKey(month, tz)).toBe(`${dayKey(value, tz).slice(0, 7)}-01`)
        expect(dayKey(new Date(month.getTime() - 1), tz).slice(0, 7)).not.toBe(dayKey(value, tz).slice(0, 7))
      }),
      { numRuns: 1_000 },
    )
  })
})

describe('localDateToUtc', () => {
  it('reads a date as the start of that local day and refuses what is not a date', () => {
    expect(localDateToUtc('2026-11-24', 'Europe/Paris')?.toISOString()).toBe('2026-11-23T23:00:00.000Z')
    expect(localDateToUtc('2026-06-10', 'America/New_York')?.toISOString()).toBe('2026-06-10T04:00:00.000Z')
    for (const bad of ['2026-02-30', '2026-13-01', '26-11-24', '2026-11-24T00:00', '', '2026-1-5'])
      expect(localDateToUtc(bad, 'UTC')).toBeNull()
  })
})
