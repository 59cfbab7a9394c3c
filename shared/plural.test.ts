import { describe, expect, it } from 'vitest'
import { countOf } from './plural'

const interview = { one: 'interview', other: 'interviews' }

describe('countOf', () => {
  it('uses the singular for one and the plural for zero and many', () => {
    expect(countOf(1, interview)).toBe('1 interview')
    expect(countOf(0, interview)).toBe('0 interviews')
    expect(countOf(2, interview)).toBe('2 interviews')
    expect(countOf(1200, interview)).toBe('1,200 interviews')
  })
})
