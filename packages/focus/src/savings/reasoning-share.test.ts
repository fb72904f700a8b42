import { describe, expect, it } from 'vitest'
import { savings } from './create-savings-analysis.js'
import { pricedRecord } from './savings-fixture.js'

// gpt-5 per 1M tokens: input $1.25, output (reasoning included) $10 — https://platform.openai.com/docs/pricing (as bundled: price data of 2026-09-23).
describe('savings: reasoning share', () => {
  it('reports the reasoning share of output tokens per feature and what the reasoning cost', () => {
    const plan = { team: 'ops', feature: 'plan' }
    const { reasoning } = savings([
      pricedRecord({ startTime: '2026-11-28T09:00:00Z', model: 'gpt-5', attribution: plan, usage: { inputTokens: 1_000, outputTokens: 2_000, reasoningTokens: 1_500 } }),
      pricedRecord({ startTime: '2026-11-28T09:01:00Z', model: 'gpt-5', attribution: plan, usage: { inputTokens: 1_000, outputTokens: 2_000, reasoningTokens: 500 } }),
      pricedRecord({ startTime: '2026-11-28T09:02:00Z', attribution: { team: 'ops', feature: 'chat' }, usage: { inputTokens: 1_000, outputTokens: 2_000 } }),
    ])
    expect(reasoning.rows).toHaveLength(1)
    expect(reasoning.rows[0]).toMatchObject({ team: 'ops', feature: 'plan', calls: 2, outputTokens: 4_000, reasoningTokens: 2_000, share: 0.5 })
    // 2,000 reasoning tokens × $10 / 1M = $0.02.
    expect(reasoning.rows[0]!.reasoningSpend).toBeCloseTo(0.02, 12)
  })
})
