import { describe, expect, it } from 'vitest'
import { savings } from './create-savings-analysis.js'
import { pricedRecord } from './savings-fixture.js'

// gpt-4o per 1M tokens: input $2.50, output $10; Batch API 50% off — https://platform.openai.com/docs/pricing (Batch tab).
// claude-sonnet-4-5: input $3, output $15; Message Batches 50% off — https://docs.claude.com/en/docs/about-claude/pricing.
// (As bundled: price data of 2026-09-23, tier table read 2026-12-02.)
const ledger = [
  pricedRecord({ startTime: '2026-11-28T02:00:00Z', attribution: { team: 'growth', feature: 'digest', latency: 'batch' }, usage: { inputTokens: 100_000, outputTokens: 20_000 } }),
  // Already at the batch tier: nothing to save.
  pricedRecord({ startTime: '2026-11-28T02:05:00Z', serviceTier: 'batch', attribution: { team: 'growth', feature: 'digest', latency: 'batch' }, usage: { inputTokens: 100_000, outputTokens: 20_000 } }),
  pricedRecord({ startTime: '2026-11-28T03:00:00Z', provider: 'anthropic', model: 'claude-sonnet-4-5', attribution: { team: 'finance', feature: 'monthly-report' }, usage: { inputTokens: 10_000, outputTokens: 2_000 } }),
  // Interactive: not a candidate.
  pricedRecord({ startTime: '2026-11-28T09:00:00Z', attribution: { team: 'support', feature: 'chat' }, usage: { inputTokens: 100_000, outputTokens: 20_000 } }),
]

describe('savings: batch / flex', () => {
  it('reprices standard-tier calls of non-interactive features at the batch price', () => {
    const { batch } = savings(ledger, { batchFeatures: ['monthly-report'] })
    expect(batch.rows.map(({ feature, model, calls, tiers }) => ({ feature, model, calls, tiers }))).toEqual([
      { feature: 'digest', model: 'gpt-4o', calls: 1, tiers: ['default'] },
      { feature: 'monthly-report', model: 'claude-sonnet-4-5', calls: 1, tiers: ['default'] },
    ])
    // digest: 100,000 × $2.50 + 20,000 × $10 per 1M = $0.45 spent; half of it saved.
    expect(batch.rows[0]!.spend).toBeCloseTo(0.45, 12)
    expect(batch.rows[0]!.saving).toBeCloseTo(0.225, 12)
    // monthly-report: 10,000 × $3 + 2,000 × $15 per 1M = $0.06; half of it saved.
    expect(batch.rows[1]!.saving).toBeCloseTo(0.03, 12)
    expect(batch.total).toBeCloseTo(0.255, 12)
  })

  it('says what to record when no call is marked non-interactive', () => {
    const result = savings(ledger.filter((record) => record.attribution.latency === undefined))
    expect(result.batch.rows).toEqual([])
    expect(result.toRecord.join('\n')).toContain("latency: 'batch'")
    expect(savings(ledger).toRecord.join('\n')).not.toContain("latency: 'batch'")
  })
})
