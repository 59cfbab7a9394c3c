import { describe, expect, it } from 'vitest'
import { neutralizeFormula } from './csv.server'

describe('neutralizeFormula (product.md, Lists: exports)', () => {
  it('prefixes cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+14155550134', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil")']) {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`)
    }
  })
  it('leaves ordinary text alone', () => {
    for (const cell of ['Ada', 'a=b', '', '1+1', "'quoted"]) expect(neutralizeFormula(cell)).toBe(cell)
  })
})
