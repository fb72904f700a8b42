import { describe, expect, it } from 'vitest'
import { MAX_SAFE_NANOS, NANOS_PER_USD, nanosToUsd, usdToNanos } from './nano-usd.js'

describe('nano-USD', () => {
  it('counts 1e9 nanos per USD', () => {
    expect(NANOS_PER_USD).toBe(1_000_000_000)
    expect(usdToNanos(0.0075)).toBe(7_500_000)
    expect(nanosToUsd(7_500_000)).toBe(0.0075)
  })

  it('rounds decimal USD to the nearest nano, half away from zero', () => {
    expect(usdToNanos(1.0000000005)).toBe(1_000_000_001)
    expect(usdToNanos(-1.0000000005)).toBe(-1_000_000_001)
    expect(usdToNanos(0.1 + 0.2)).toBe(300_000_000)
  })

  it('bounds exact counters at about 9 million USD', () => {
    expect(Math.floor(nanosToUsd(MAX_SAFE_NANOS))).toBe(9_007_199)
  })
})
