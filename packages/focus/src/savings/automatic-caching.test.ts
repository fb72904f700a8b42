import { describe, expect, it } from 'vitest'
import { savings } from './create-savings-analysis.js'
import { pricedRecord } from './savings-fixture.js'

// gpt-4o per 1M tokens: input $2.50, cached input $1.25, output $10 — https://platform.openai.com/docs/pricing (as bundled, price data of 2026-09-23).
const support = { team: 'support', feature: 'rag' }
const ledger = [
  pricedRecord({ startTime: '2026-11-28T09:00:00Z', attribution: support, usage: { inputTokens: 5_000, cacheReadTokens: 1_000, outputTokens: 100 } }),
  // Below OpenAI's 1,024-token caching minimum: never cached, not counted.
  pricedRecord({ startTime: '2026-11-28T09:01:00Z', attribution: support, usage: { inputTokens: 800, outputTokens: 100 } }),
  // Anthropic caches only on request (cache_control): not an automatic-caching provider.
  pricedRecord({ startTime: '2026-11-28T09:02:00Z', provider: 'anthropic', model: 'claude-sonnet-4-5', attribution: support, usage: { inputTokens: 5_000, outputTokens: 100 } }),
]

describe('savings: prompt caching', () => {
  it('bounds what the uncached input of an automatically caching provider would cost at the cache-read price', () => {
    const { automaticCaching } = savings(ledger)
    // 5,000 − 1,000 cached = 4,000 uncached tokens × ($2.50 − $1.25) / 1M = $0.005.
    expect(automaticCaching.rows).toEqual([
      { team: 'support', feature: 'rag', provider: 'openai', model: 'gpt-4o', calls: 1, spend: expect.any(Number), uncachedTokens: 4_000, saving: expect.closeTo(0.005, 12) },
    ])
    // The call's spend: 4,000 × $2.50 + 1,000 × $1.25 + 100 × $10, per 1M = $0.01225.
    expect(automaticCaching.rows[0]!.spend).toBeCloseTo(0.01225, 12)
    expect(automaticCaching.assumption).toContain('Upper bound')
  })

  it('reports the cached-input share per feature and model', () => {
    const { cachedInput } = savings(ledger)
    expect(cachedInput.rows.map(({ model, inputTokens, cacheReadTokens, share }) => ({ model, inputTokens, cacheReadTokens, share }))).toEqual([
      { model: 'claude-sonnet-4-5', inputTokens: 5_000, cacheReadTokens: 0, share: 0 },
      { model: 'gpt-4o', inputTokens: 5_800, cacheReadTokens: 1_000, share: 1_000 / 5_800 },
    ])
    expect(cachedInput.total).toBe(0)
  })
})
