import { describe, expect, it } from 'vitest'
import { savings } from './create-savings-analysis.js'
import { pricedRecord } from './savings-fixture.js'

// Per 1M tokens — gpt-4o: input $2.50, output $10; gpt-4o-mini: input $0.15, output $0.60
// (https://platform.openai.com/docs/pricing, as bundled: price data of 2026-09-23).
describe('savings: downgrades already made', () => {
  it('prices the downgraded calls on the requested model and reports the difference as saved', () => {
    const record = pricedRecord({
      startTime: '2026-11-28T09:00:00Z',
      model: 'gpt-4o-mini',
      downgradedFrom: 'gpt-4o',
      attribution: { team: 'support', feature: 'rag' },
      usage: { inputTokens: 10_000, outputTokens: 1_000 },
    })
    const { downgrades } = savings([record, pricedRecord({ startTime: '2026-11-28T09:01:00Z', usage: { inputTokens: 10, outputTokens: 10 } })])
    expect(downgrades.rows).toHaveLength(1)
    expect(downgrades.rows[0]).toMatchObject({ team: 'support', feature: 'rag', model: 'gpt-4o-mini', requestedModel: 'gpt-4o', calls: 1 })
    // gpt-4o: $0.025 + $0.01 = $0.035; gpt-4o-mini: $0.0015 + $0.0006 = $0.0021.
    expect(downgrades.rows[0]!.spend).toBeCloseTo(0.0021, 12)
    expect(downgrades.rows[0]!.saved).toBeCloseTo(0.035 - 0.0021, 12)
    expect(downgrades.total).toBeCloseTo(0.0329, 12)
  })
})
