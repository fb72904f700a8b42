import { describe, expect, it } from 'vitest'
import { addAmounts, differenceOf, emptyAmounts, inUsd } from './usd-amounts.js'

describe('usd amounts', () => {
  it('adds in nano-USD and converts once', () => {
    const total = emptyAmounts()
    addAmounts(total, { requests: 1, inputTokens: 10, outputTokens: 2, costNanos: 100_000_001 })
    addAmounts(total, { requests: 2, inputTokens: 5, outputTokens: 1, costNanos: 200_000_002 })
    expect(inUsd(total)).toEqual({ requests: 3, inputTokens: 15, outputTokens: 3, costUsd: 0.300000003 })
    expect(differenceOf(emptyAmounts(), total)).toEqual({ requests: -3, inputTokens: -15, outputTokens: -3, costUsd: -0.300000003 })
  })
})
