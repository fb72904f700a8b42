import { describe, expect, it } from 'vitest'
import { costOfUsage } from './cost-of-usage.js'
import { meterRatesFromModelPrice } from './meter-rates.js'

const sonar = meterRatesFromModelPrice({ input_mtok: 2, output_mtok: 8, output_reasoning_mtok: 3, requests_kcount: 5 })

describe('costOfUsage', () => {
  it('bills reasoning at its own price when the model has one', () => {
    // output: 1000 reasoning × 3000 nanos + 500 text × 8000 nanos; request: 5/1000 USD
    const cost = costOfUsage(sonar, { inputTokens: 100, outputTokens: 1500, reasoningTokens: 1000 }, 1000)
    expect(cost).toEqual({
      inputNanos: 200_000,
      cacheReadNanos: 0,
      cacheWriteNanos: 0,
      outputNanos: 3_000_000 + 4_000_000,
      requestNanos: 5_000_000,
      totalNanos: 200_000 + 7_000_000 + 5_000_000,
    })
  })

  it('clamps inconsistent counts instead of charging negative tokens', () => {
    const rates = meterRatesFromModelPrice({ input_mtok: 1, cache_read_mtok: 0.5, output_mtok: 2 })
    const cost = costOfUsage(rates, { inputTokens: 10, outputTokens: 5, cacheReadTokens: 20, reasoningTokens: 50 }, 1000)
    expect(cost.inputNanos).toBe(0)
    expect(cost.cacheReadNanos).toBe(10_000) // 20 × 500 nanos
    expect(cost.outputNanos).toBe(10_000) // 5 × 2000 nanos; reasoning shares the output price
  })

  it('sums the meters into the total', () => {
    const rates = meterRatesFromModelPrice({ input_mtok: 0.15, cache_read_mtok: 0.075, output_mtok: 0.6 })
    const cost = costOfUsage(rates, { inputTokens: 3, outputTokens: 1, cacheReadTokens: 3 }, 500)
    expect(cost.cacheReadNanos).toBe(113) // 3 × 75 × 0.5 = 112.5 → half-up
    expect(cost.outputNanos).toBe(300)
    expect(cost.totalNanos).toBe(413)
  })
})
