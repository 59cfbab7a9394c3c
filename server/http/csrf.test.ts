import { describe, expect, it } from 'vitest'
import { isCrossOrigin } from './csrf'

describe('isCrossOrigin (product.md, Security baseline: cross-site requests)', () => {
  const host = 'gatehouse.example:3000'

  it('lets same-origin browser requests and header-less scripts through', () => {
    expect(isCrossOrigin({ host, origin: 'http://gatehouse.example:3000', secFetchSite: 'same-origin' })).toBe(false)
    expect(isCrossOrigin({ host })).toBe(false)
    expect(isCrossOrigin({ host, secFetchSite: 'none' })).toBe(false)
  })

  it('refuses another site by Sec-Fetch-Site, even without Origin', () => {
    expect(isCrossOrigin({ host, secFetchSite: 'cross-site' })).toBe(true)
    expect(isCrossOrigin({ host, secFetchSite: 'same-site' })).toBe(true)
  })

  it('refuses a foreign, opaque or malformed Origin', () => {
    expect(isCrossOrigin({ host, origin: 'https://evil.example' })).toBe(true)
    expect(isCrossOrigin({ host, origin: 'http://gatehouse.example:3001' })).toBe(true)
    expect(isCrossOrigin({ host, origin: 'null' })).toBe(true)
    expect(isCrossOrigin({ host, origin: 'not a url' })).toBe(true)
  })

  it('accepts the configured public origin when a proxy changes the Host', () => {
    expect(
      isCrossOrigin({ host: '10.0.0.5:3000', origin: 'https://gatehouse.example' }, 'https://gatehouse.example'),
    ).toBe(false)
    expect(isCrossOrigin({ host: '10.0.0.5:3000', origin: 'https://evil.example' }, 'https://gatehouse.example')).toBe(
      true,
    )
  })
})
