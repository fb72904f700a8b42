import { describe, expect, it } from 'vitest'
import { meterNanos } from './meter-nanos.js'

describe('meterNanos', () => {
  it('multiplies tokens by the integer rate and rounds once to nanos', () => {
    // 1234 tokens × 150_000 pico = 185_100_000 pico = 185_100 nanos
    expect(meterNanos(1234, 150_000)).toBe(185_100)
  })

  it('rounds half-up per meter', () => {
    expect(meterNanos(1, 1_500)).toBe(2) // 1.5 nanos
    expect(meterNanos(1, 1_499)).toBe(1) // 1.499 nanos
    expect(meterNanos(3, 75_000, 500)).toBe(113) // 3 × 75 nanos × 0.5 = 112.5
  })

  it('applies a multiplier in thousandths before rounding', () => {
    expect(meterNanos(1000, 2_500_000, 2000)).toBe(5_000_000)
    expect(meterNanos(1000, 150_000, 1750)).toBe(262_500)
  })

  it('costs nothing for zero, negative or non-finite quantities and rounds fractional ones', () => {
    expect(meterNanos(0, 2_500_000)).toBe(0)
    expect(meterNanos(-5, 2_500_000)).toBe(0)
    expect(meterNanos(Number.NaN, 2_500_000)).toBe(0)
    expect(meterNanos(2.6, 1_000_000)).toBe(3_000)
  })

  it('stays exact beyond the safe-integer range of the intermediate product', () => {
    // 100M tokens × 150 USD/M = 15,000 USD; 1e8 × 1.5e8 pico × 2000 overflows 2^53
    expect(meterNanos(100_000_000, 150_000_000, 2000)).toBe(30_000_000_000_000)
    expect(meterNanos(60_000_001, 150_000_001)).toBe(Number((60_000_001n * 150_000_001n + 500n) / 1000n))
  })

  it('sums one million small costs exactly', () => {
    let sum = 0
    let exact = 0n
    for (let index = 0; index < 1_000_000; index++) {
      const tokens = (index % 997) + 1
      const multiplier = index % 3 === 0 ? 500 : 1000
      sum += meterNanos(tokens, 75_000, multiplier) // gpt-4o-mini cache reads, some in batch
      exact += (BigInt(tokens) * 75_000n * BigInt(multiplier) + 500_000n) / 1_000_000n
    }
    expect(Number.isSafeInteger(sum)).toBe(true)
    expect(BigInt(sum)).toBe(exact)
  })
})
