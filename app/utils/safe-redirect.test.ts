import { describe, expect, it } from 'vitest'
import { safeRedirect } from './safe-redirect'

describe('safeRedirect (product.md, Security baseline: sign-in honours only a same-site redirectTo)', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeRedirect('/users?role=agent')).toBe('/users?role=agent')
    expect(safeRedirect('/candidates/abc')).toBe('/candidates/abc')
  })

  it('falls back for anything that could leave the site', () => {
    for (const evil of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'users',
      '/\u0000/x',
      '/x\n/y',
    ]) {
      expect(safeRedirect(evil), evil).toBe('/dashboard')
    }
  })

  it('falls back for empty values, non-strings and the sign-in pages themselves', () => {
    expect(safeRedirect(null)).toBe('/dashboard')
    expect(safeRedirect(undefined, '/settings')).toBe('/settings')
    expect(safeRedirect('/login?redirectTo=/x')).toBe('/dashboard')
    expect(safeRedirect('/logout')).toBe('/dashboard')
  })
})
