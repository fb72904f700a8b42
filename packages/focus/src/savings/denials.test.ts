import { describe, expect, it } from 'vitest'
import { usageRecord } from '../focus/usage-record-fixture.js'
import { savings } from './create-savings-analysis.js'
import { pricedRecord } from './savings-fixture.js'

describe('savings: denials and headroom', () => {
  it('counts denied calls per feature by reason and says the ledger holds no reservations', () => {
    const rag = { team: 'support', feature: 'rag' }
    const denied = (errorType: string, minute: number) => usageRecord({ startTime: `2026-11-28T09:0${minute}:00Z`, status: 'denied', errorType, attribution: rag })
    const result = savings([
      denied('budget', 1),
      denied('budget', 2),
      denied('requests_per_minute', 3),
      pricedRecord({ startTime: '2026-11-28T09:04:00Z', attribution: rag, usage: { inputTokens: 10, outputTokens: 10 } }),
      pricedRecord({ startTime: '2026-11-28T09:05:00Z', attribution: { team: 'search', feature: 'query' }, usage: { inputTokens: 10, outputTokens: 10 } }),
    ])
    expect(result.denials.rows).toEqual([{ team: 'support', feature: 'rag', calls: 4, denied: 3, reasons: { budget: 2, requests_per_minute: 1 } }])
    expect(result.toRecord.join('\n')).toContain('max_tokens')
    expect(result.unpriced).toBe(0)
  })
})
