import { createPriceBook } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { probeMeterRates } from './probe-meter-rates.js'

const book = createPriceBook()

describe('probeMeterRates', () => {
  it('reads femto-USD unit rates per FOCUS meter, tier applied', () => {
    // gpt-4o: $2.50 input, $1.25 cached, $10 output per 1M; priority $4.25 / $2.125 / $17 (OpenAI pricing pages, read 2026-12-02)
    const gpt4o = book.resolve('openai', 'gpt-4o')!
    expect(probeMeterRates(gpt4o, 1000)).toMatchObject({ input: 2_500_000_000, 'cached-input': 1_250_000_000, output: 10_000_000_000, 'web-search': 10_000_000_000_000 })
    expect(probeMeterRates(gpt4o, 1000, 'priority')).toMatchObject({ input: 4_250_000_000, output: 17_000_000_000 })
    expect(probeMeterRates(gpt4o, 1000, 'batch').input).toBe(1_250_000_000)
  })

  it('follows long-context tiers by the call input', () => {
    // Sonnet 4.5: $3 input below 200K input tokens, $6 above (Anthropic pricing, read 2026-12-02)
    const sonnet = book.resolve('anthropic', 'claude-sonnet-4-5')!
    expect(probeMeterRates(sonnet, 1000).input).toBe(3_000_000_000)
    expect(probeMeterRates(sonnet, 250_000).input).toBe(6_000_000_000)
    expect(probeMeterRates(sonnet, 1000).input).toBe(3_000_000_000)
  })
})
