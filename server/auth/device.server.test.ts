import { describe, expect, it } from 'vitest'
import { describeDevice } from './device.server'

describe('describeDevice', () => {
  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'Chrome 120 on Mac OS 10.15',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox 121 on Windows 10'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      'Mobile Safari 17 on iOS 17.1',
    ],
  ])('%s', (ua, text) => expect(describeDevice(ua)).toBe(text))

  it('falls back to the raw text, or says it does not know', () => {
    expect(describeDevice('vitest')).toBe('vitest')
    expect(describeDevice(null)).toBe('Unknown device')
  })
})
