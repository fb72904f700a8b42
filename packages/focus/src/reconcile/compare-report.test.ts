import { describe, expect, it } from 'vitest'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'
import { compareReport } from './compare-report.js'
import { openaiReport } from './reconcile-fixture.js'
import { DEFAULT_TOLERANCE } from './verdict.js'

const options = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z'), ledger: {}, dimensions: [], tolerance: DEFAULT_TOLERANCE }

describe('compareReport', () => {
  it('counts what it did with every ledger record, unpriced calls included', async () => {
    const records = [
      usageRecord({ startTime: '2026-11-02T01:00:00.000Z', usage: { inputTokens: 1, outputTokens: 1 }, cost: usdCost(1) }),
      usageRecord({ startTime: '2026-11-02T02:00:00.000Z', model: 'gpt-4o-mini', usage: { inputTokens: 1, outputTokens: 1 } }),
      usageRecord({ startTime: '2026-11-03T00:00:00.000Z', usage: { inputTokens: 1, outputTokens: 1 } }),
      usageRecord({ startTime: '2026-11-02T03:00:00.000Z', provider: 'anthropic' }),
      usageRecord({ startTime: '2026-11-02T04:00:00.000Z', status: 'denied' }),
      // A response-cache hit replays usage the provider never saw: not compared with its report.
      usageRecord({ startTime: '2026-11-02T05:00:00.000Z', usage: { inputTokens: 7, outputTokens: 7 }, cost: usdCost(0), cacheHit: { costAvoided: usdCost(9) } }),
    ]
    const result = await compareReport(openaiReport, records, options)
    expect(result.ledger).toEqual({ read: 6, compared: 2, otherProvider: 1, outsideRange: 1, denied: 1, cacheHits: 1, unpriced: 1 })
    expect(result.totals.ledger).toEqual({ requests: 2, inputTokens: 2, outputTokens: 2, costUsd: 0.000000001 })
  })

  it('reads async iterables', async () => {
    async function* records() {
      yield usageRecord({ startTime: '2026-11-02T01:00:00.000Z', usage: { inputTokens: 1, outputTokens: 1 }, cost: usdCost(1) })
    }
    expect((await compareReport(openaiReport, records(), options)).ledger.compared).toBe(1)
  })
})
