import type { UsageRecord } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'
import { savings } from './create-savings-analysis.js'
import { pricedRecord } from './savings-fixture.js'

// gpt-4o per 1M tokens: input $2.50, output $10 (https://platform.openai.com/docs/pricing, as bundled:
// price data of 2026-09-23). 1,000 input + 100 output tokens: $0.0025 + $0.001 = $0.0035.
const usage = { inputTokens: 1_000, outputTokens: 100 }

/** A call the response cache answered: zero cost, and what the replayed usage would have cost. */
function hit(fields: Partial<UsageRecord> & Pick<UsageRecord, 'startTime'>, costAvoided: UsageRecord['cost']): UsageRecord {
  return usageRecord({ usage, ...fields, cost: usdCost(0), cacheHit: { costAvoided } })
}

describe('savings: response cache', () => {
  const faq = { team: 'support', feature: 'faq' }
  const records = [
    pricedRecord({ id: 'faq-1', startTime: '2026-11-28T09:00:00Z', attribution: faq, usage }),
    pricedRecord({ id: 'faq-2', startTime: '2026-11-28T09:01:00Z', attribution: faq, usage }),
    hit({ id: 'faq-3', startTime: '2026-11-28T09:02:00Z', attribution: faq }, usdCost(3_500_000)),
    // The model's price was unknown to the engine: a hit, but no known cost avoided.
    hit({ id: 'faq-4', startTime: '2026-11-28T09:03:00Z', attribution: faq, model: 'in-house-model' }, null),
    pricedRecord({ id: 'rag-1', startTime: '2026-11-28T09:04:00Z', attribution: { team: 'support', feature: 'rag' }, usage }),
    usageRecord({ id: 'faq-denied', startTime: '2026-11-28T09:05:00Z', attribution: faq, status: 'denied', errorType: 'budget' }),
  ]

  it('counts the hits and the cost they avoided per team and feature, from the records', () => {
    const result = savings(records)
    expect(result.responseCache.rows).toEqual([
      // 4 calls ran (the denied one did not); 2 hits; spend of the two calls sent: 2 × $0.0035.
      { team: 'support', feature: 'faq', calls: 4, spend: expect.closeTo(0.007, 12), hits: 2, hitRate: 0.5, costAvoided: expect.closeTo(0.0035, 12), unpricedHits: 1 },
    ])
    expect(result.responseCache.total).toBeCloseTo(0.0035, 12)
    expect(result.calls).toBe(6)
    // 3 sent calls × $0.0035; hits cost nothing.
    expect(result.spend).toBeCloseTo(0.0105, 12)
    expect(result.toRecord.find((note) => note.startsWith('Response cache:'))).toContain('no hits for support/rag. ')
    expect(result.toRecord.join('\n')).toContain('createFinOps({ cache })')
  })

  it('converts the cost avoided with the rate the engine priced it at when the ledger is in the report currency', () => {
    const eur = (amount: number, usdNanos: number) => ({ ...usdCost(usdNanos)!, amount, currency: 'EUR' })
    const record = usageRecord({ id: 'eur-hit', startTime: '2026-11-28T09:00:00Z', attribution: faq, usage, cost: eur(0, 0), cacheHit: { costAvoided: eur(0.00322, 3_500_000) } })
    expect(savings([record], { currency: 'EUR' }).responseCache.total).toBe(0.00322)
    expect(savings([record], { currency: 'EUR', rate: 0.5 }).responseCache.total).toBeCloseTo(0.00175, 12)
  })

  it("never reprices a hit's replayed usage in the other sections: the provider billed nothing", () => {
    // Short output on gpt-4o, cached input, reasoning, 1,024+ uncached input tokens: every other
    // section would count this call if it had been sent.
    const replayed = { inputTokens: 5_000, cacheReadTokens: 1_000, outputTokens: 40, reasoningTokens: 20 }
    const result = savings([hit({ id: 'hit', startTime: '2026-11-28T09:00:00Z', attribution: { ...faq, latency: 'batch' }, usage: replayed }, usdCost(10_400_000))])
    for (const section of [result.cachedInput, result.automaticCaching, result.batch, result.rightSizing, result.reasoning, result.downgrades, result.unreadCacheWrites]) {
      expect(section.rows).toEqual([])
    }
    expect(result.responseCache.rows).toMatchObject([{ hits: 1, calls: 1, spend: 0 }])
    expect(result.unpriced).toBe(0)
  })

  it('says what to turn on when no call was answered by the cache', () => {
    const result = savings([records[0]!])
    expect(result.responseCache.rows).toEqual([])
    expect(result.responseCache.total).toBe(0)
    expect(result.toRecord.find((note) => note.startsWith('Response cache:'))).toMatch(/^Response cache: no call was answered by the response cache\. .*docs\/response-cache\.md/)
  })
})
