import { describe, expect, it } from 'vitest'
import { DEFAULT_TOLERANCE, judge } from './verdict.js'

const side = (tokens: number, costNanos: number) => ({ requests: 1, inputTokens: tokens, outputTokens: 0, costNanos })

describe('judge', () => {
  it('agrees within the relative tolerance on tokens and cost', () => {
    expect(judge(side(1000, 1_000_000), side(1010, 1_010_000), DEFAULT_TOLERANCE)).toEqual({ verdict: 'within-tolerance', tokensAgree: true, costAgree: true })
  })

  it('lets cost differences up to the absolute USD floor agree', () => {
    expect(judge(side(10, 100), side(10, 1100), DEFAULT_TOLERANCE).verdict).toBe('within-tolerance')
    expect(judge(side(10, 100), side(10, 1101), DEFAULT_TOLERANCE).verdict).toBe('ledger-high')
  })

  it('judges by the cost difference, or by tokens when the costs agree', () => {
    expect(judge(side(1000, 1_000_000), side(1000, 900_000), DEFAULT_TOLERANCE)).toEqual({ verdict: 'ledger-low', tokensAgree: true, costAgree: false })
    expect(judge(side(1000, 1_000_000), side(1200, 1_000_000), DEFAULT_TOLERANCE)).toEqual({ verdict: 'ledger-high', tokensAgree: false, costAgree: true })
  })

  it('names the side that is missing', () => {
    expect(judge(side(1, 1), undefined, DEFAULT_TOLERANCE).verdict).toBe('provider-only')
    expect(judge(undefined, side(1, 1), DEFAULT_TOLERANCE).verdict).toBe('ledger-only')
  })
})
