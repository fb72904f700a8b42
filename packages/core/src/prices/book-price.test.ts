import { describe, expect, it } from 'vitest'
import { createBookPrice } from './book-price.js'
import { compileServiceTiers } from './service-tiers.js'

const subject = { provider: 'openai', model: 'gpt-4o', priceProvider: 'openai', priceModel: 'gpt-4o' }
const gpt4o = { input_mtok: 2.5, cache_read_mtok: 1.25, output_mtok: 10, web_searches_kcount: 10 }

describe('createBookPrice', () => {
  const price = createBookPrice({ subject, source: 'genai-prices', dataDate: '2026-09-23', price: gpt4o, tiers: compileServiceTiers() })

  it('applies an explicit tier price to the meters it names and keeps the others', () => {
    // priority: 1000 × 4.25k + 1000 × 17k; web search stays 0.01 USD
    expect(price.cost({ inputTokens: 1000, outputTokens: 1000, webSearchRequests: 1 }, { serviceTier: 'priority' }).totalNanos).toBe(4_250_000 + 17_000_000 + 10_000_000)
  })

  it('applies a multiplier tier to every meter', () => {
    expect(price.cost({ inputTokens: 1000, outputTokens: 1000 }, { serviceTier: 'batch' }).totalNanos).toBe(1_250_000 + 5_000_000)
    expect(price.cost({ inputTokens: 1000, outputTokens: 1000 }, { serviceTier: 'reserved' }).totalNanos).toBe(2_500_000 + 10_000_000)
  })

  it('lets its own tier prices win over the table', () => {
    const own = createBookPrice({ subject, source: 'override', dataDate: undefined, price: gpt4o, ownTiers: new Map([['priority', { milli: 1500 }]]), tiers: compileServiceTiers() })
    expect(own.cost({ inputTokens: 1000, outputTokens: 0 }, { serviceTier: 'Priority' }).totalNanos).toBe(3_750_000)
  })

  it('exposes effective unit rates in femto-USD', () => {
    expect(price.unitRates(0)).toMatchObject({ input: 2_500_000_000, cacheRead: 1_250_000_000, output: 10_000_000_000, webSearch: 10_000_000_000_000 })
    expect(price.unitRates(0, { serviceTier: 'flex' }).input).toBe(1_250_000_000)
    expect(price.unitRates(0, { serviceTier: 'priority' }).input).toBe(4_250_000_000)
    expect(price.dataDate).toBe('2026-09-23')
  })

  it('surcharges the token meters of US-only Anthropic inference ×1.1, on top of the tier, and not the fees', () => {
    const sonnet = { provider: 'anthropic', model: 'claude-sonnet-4-6', priceProvider: 'anthropic', priceModel: 'claude-sonnet-4-6' }
    const sonnet46 = { input_mtok: 3, cache_read_mtok: 0.3, cache_write_mtok: 3.75, output_mtok: 15, web_searches_kcount: 10 }
    const us = createBookPrice({ subject: sonnet, source: 'genai-prices', dataDate: '2026-09-23', price: sonnet46, tiers: compileServiceTiers() })
    const usage = { inputTokens: 4000, cacheReadTokens: 1000, cacheWriteTokens: 2000, outputTokens: 1000, webSearchRequests: 1 }
    // 1000 × $3.30 + 1000 × $0.33 + 2000 × $4.125 + 1000 × $16.50 per 1M, in nanos; the web search stays $0.01.
    expect(us.cost(usage, { inferenceGeo: 'us' })).toMatchObject({ inputNanos: 3_300_000, cacheReadNanos: 330_000, cacheWriteNanos: 8_250_000, outputNanos: 16_500_000, requestNanos: 10_000_000 })
    expect(us.cost(usage, { inferenceGeo: 'global' }).totalNanos).toBe(3_000_000 + 300_000 + 7_500_000 + 15_000_000 + 10_000_000)
    // Batch halves everything, then US-only adds 10% to the tokens: ×0.55 on tokens, ×0.5 on the fee.
    expect(us.cost(usage, { serviceTier: 'batch', inferenceGeo: 'US' })).toMatchObject({ inputNanos: 1_650_000, outputNanos: 8_250_000, requestNanos: 5_000_000 })
    expect(us.unitRates(0, { inferenceGeo: 'us' })).toMatchObject({ input: 3_300_000_000, webSearch: 10_000_000_000_000 })
    // Other providers have no geography surcharge.
    expect(price.cost({ inputTokens: 1000, outputTokens: 0 }, { inferenceGeo: 'us' }).totalNanos).toBe(2_500_000)
  })
})
