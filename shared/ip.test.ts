import { describe, expect, it } from 'vitest'
import { plainIp } from './ip'

describe('plainIp', () => {
  it('writes an IPv4-mapped IPv6 address as the IPv4 address it is', () => {
    expect(plainIp('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(plainIp('::FFFF:10.1.2.3')).toBe('10.1.2.3')
  })
  it('leaves IPv6, plain IPv4 and missing addresses alone', () => {
    expect(plainIp('2001:db8::1')).toBe('2001:db8::1')
    expect(plainIp('::1')).toBe('::1')
    expect(plainIp('192.168.0.1')).toBe('192.168.0.1')
    expect(plainIp(null)).toBe(null)
  })
})
