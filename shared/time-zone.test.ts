/** The one Date -> datetime-local helper (shared/time-zone.ts), used by server loaders and browser inputs alike. */
import { describe, expect, it } from 'vitest'
import { toLocalInputValue } from './time-zone'

describe('toLocalInputValue', () => {
  it('writes an instant as the local time of the zone, to the minute', () => {
    expect(toLocalInputValue(new Date('2026-11-24T09:00:00Z'), 'Europe/Paris')).toBe('2026-11-24T10:00')
    expect(toLocalInputValue('2026-07-01T23:30:59Z', 'America/New_York')).toBe('2026-07-01T19:30')
    expect(toLocalInputValue(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toBe('2026-03-29T03:30')
  })

  it('midnight is 00, not 24', () => {
    expect(toLocalInputValue(new Date('2026-11-23T23:00:00Z'), 'Europe/Paris')).toBe('2026-11-24T00:00')
  })

  it('keeps a local time without a zone as it is, and turns nothing or nonsense into an empty value', () => {
    expect(toLocalInputValue('2026-11-24 10:00', 'Europe/Paris')).toBe('2026-11-24T10:00')
    expect(toLocalInputValue(null, 'UTC')).toBe('')
    expect(toLocalInputValue('', 'UTC')).toBe('')
    expect(toLocalInputValue('not a date', 'UTC')).toBe('')
  })
})
