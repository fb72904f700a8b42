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

  it('prices image tokens, cached image tokens and output image tokens at their own rates', () => {
    // gpt-image-1.5-like prices: text 5 / cached 1.25 / output 10; image in 8 / cached image 2 / image out 32
    const rates = meterRatesFromModelPrice({ input_mtok: 5, cache_read_mtok: 1.25, output_mtok: 10, input_image_mtok: 8, cache_image_read_mtok: 2, output_image_mtok: 32 })
    const cost = costOfUsage(rates, { inputTokens: 1500, cacheReadTokens: 400, inputImageTokens: 1000, cacheReadImageTokens: 300, outputTokens: 4200, outputImageTokens: 4160 }, 1000)
    // text input 1500 − 400 − 700 = 400 × 5000 + 700 image × 8000; reads 100 text × 1250 + 300 image × 2000
    expect(cost.inputNanos).toBe(2_000_000 + 5_600_000)
    expect(cost.cacheReadNanos).toBe(125_000 + 600_000)
    // output 40 text × 10,000 + 4160 image × 32,000
    expect(cost.outputNanos).toBe(400_000 + 133_120_000)
  })

  it('merges image tokens into input when the model has no image price', () => {
    const rates = meterRatesFromModelPrice({ input_mtok: 2.5, output_mtok: 10 })
    expect(costOfUsage(rates, { inputTokens: 1000, inputImageTokens: 765, outputTokens: 0 }, 1000).inputNanos).toBe(2_500_000)
  })

  it('charges audio seconds, characters and tool calls', () => {
    const rates = meterRatesFromModelPrice({ input_audio_hours: 0.36, input_mchars: 15, web_searches_kcount: 10, storage_searches_kcount: 2.5, code_executions_kcount: 30 })
    const cost = costOfUsage(rates, { inputTokens: 0, outputTokens: 0, audioSeconds: 90.4, inputCharacters: 1200, webSearchRequests: 2, fileSearchCalls: 3, codeInterpreterSessions: 1 }, 1000)
    // 90 s × 100,000 nanos (0.0001 USD) + 1200 chars × 15,000 nanos (15 USD per 1M)
    expect(cost.inputNanos).toBe(9_000_000 + 18_000_000)
    // 2 × 0.01 + 3 × 0.0025 + 1 × 0.03 USD
    expect(cost.requestNanos).toBe(20_000_000 + 7_500_000 + 30_000_000)
  })

  it('scales the per-call and tool fees by feeMilli when one is given', () => {
    // tokens ×1.1, the request fee ×1: 100 × 2200 nanos + 1000 × 8800 nanos + 5/1000 USD
    const cost = costOfUsage(sonar, { inputTokens: 100, outputTokens: 1000 }, 1100, 1000)
    expect(cost).toMatchObject({ inputNanos: 220_000, outputNanos: 8_800_000, requestNanos: 5_000_000 })
  })
})
