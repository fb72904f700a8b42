import { describe, expect, it } from 'vitest'
import { bundledPriceData } from './price-data.js'
import { DEFAULT_SERVICE_TIER_PRICES } from './service-tier-prices.js'

describe('DEFAULT_SERVICE_TIER_PRICES', () => {
  it('keys every model-specific price by a model id the price data has', () => {
    const data = bundledPriceData()
    for (const prices of Object.values(DEFAULT_SERVICE_TIER_PRICES)) {
      for (const key of Object.keys(prices).filter((entry) => entry.includes(':') && !entry.endsWith(':*'))) {
        const [provider, model] = key.split(':') as [string, string]
        expect(data.provider(provider)?.models.some((entry) => entry.id === model), key).toBe(true)
      }
    }
  })

  it('bills Anthropic priority at the standard rate and every batch at half price', () => {
    expect(DEFAULT_SERVICE_TIER_PRICES.priority?.['anthropic:*']).toBe(1)
    expect(DEFAULT_SERVICE_TIER_PRICES.batch).toEqual({ '*': 0.5 })
  })
})
