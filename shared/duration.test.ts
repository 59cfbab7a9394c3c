import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration } from './duration'

describe('formatDuration (product.md, Calls: durations)', () => {
  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [60, '1:00'],
    [61, '1:01'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3661, '1:01:01'],
    [86_400, '24:00:00'],
  ])('%i seconds -> %s', (secs, text) => expect(formatDuration(secs)).toBe(text))
})

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['90', 90],
    ['1:30', 90],
    ['0:05', 5],
    ['59:59', 3599],
    ['75:00', 4500],
    ['1:02:03', 3723],
    [' 2:00 ', 120],
  ])('%s -> %i seconds', (text, secs) => expect(parseDuration(text)).toBe(secs))

  it.each(['', 'abc', '1:5', '1:60', '1:60:00', '-5', '1.5', '1:00:00:00'])('refuses %s', (text) =>
    expect(parseDuration(text)).toBeNull(),
  )

  it('round-trips every formatted duration', () => {
    for (const secs of [0, 1, 59, 60, 599, 3599, 3600, 7322, 86_400])
      expect(parseDuration(formatDuration(secs))).toBe(secs)
  })
})
