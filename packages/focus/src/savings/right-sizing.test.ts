import { describe, expect, it } from 'vitest'
import { savings } from './create-savings-analysis.js'
import { pricedRecord } from './savings-fixture.js'

// Per 1M tokens — gpt-4o: input $2.50, output $10; gpt-4o-mini: input $0.15, output $0.60;
// gpt-4.1-nano: input $0.10, output $0.40 (https://platform.openai.com/docs/pricing, as bundled: price data of 2026-09-23).
const classify = { team: 'support', feature: 'classify' }
const ledger = [
  pricedRecord({ startTime: '2026-11-28T09:00:00Z', attribution: classify, usage: { inputTokens: 2_000, outputTokens: 50 } }),
  pricedRecord({ startTime: '2026-11-28T09:01:00Z', attribution: classify, usage: { inputTokens: 2_000, outputTokens: 50 } }),
  // A dated snapshot of gpt-4o is the same family.
  pricedRecord({ startTime: '2026-11-28T09:02:00Z', model: 'gpt-4o-2024-08-06', attribution: classify, usage: { inputTokens: 2_000, outputTokens: 100 } }),
  // Long outputs: p95 above 300.
  pricedRecord({ startTime: '2026-11-28T09:03:00Z', attribution: { team: 'support', feature: 'essay' }, usage: { inputTokens: 2_000, outputTokens: 1_000 } }),
  // Short outputs, but the calls pass tools (attribution) or search the web (usage).
  pricedRecord({ startTime: '2026-11-28T09:04:00Z', attribution: { team: 'support', feature: 'agent', tools: 'yes' }, usage: { inputTokens: 2_000, outputTokens: 50 } }),
  pricedRecord({ startTime: '2026-11-28T09:05:00Z', attribution: { team: 'support', feature: 'search' }, usage: { inputTokens: 2_000, outputTokens: 50, webSearchRequests: 1 } }),
]

describe('savings: right-sizing', () => {
  it('prices short-output, tool-free calls of an expensive model on its cheaper sibling', () => {
    const { rightSizing } = savings(ledger)
    expect(rightSizing.rows.map(({ feature, model, sibling, calls, p95OutputTokens }) => ({ feature, model, sibling, calls, p95OutputTokens }))).toEqual([
      { feature: 'classify', model: 'gpt-4o', sibling: 'gpt-4o-mini', calls: 2, p95OutputTokens: 50 },
      { feature: 'classify', model: 'gpt-4o-2024-08-06', sibling: 'gpt-4o-mini', calls: 1, p95OutputTokens: 100 },
    ])
    // Each 2,000-in/50-out call: gpt-4o $0.005 + $0.0005 = $0.0055; gpt-4o-mini $0.0003 + $0.00003 = $0.00033.
    expect(rightSizing.rows[0]!.saving).toBeCloseTo(2 * (0.0055 - 0.00033), 12)
    // 2,000 in / 100 out: gpt-4o $0.005 + $0.001 = $0.006; gpt-4o-mini $0.0003 + $0.00006 = $0.00036.
    expect(rightSizing.rows[1]!.saving).toBeCloseTo(0.006 - 0.00036, 12)
  })

  it('takes sibling overrides and the output threshold from the options', () => {
    const { rightSizing } = savings(ledger, { siblings: { 'gpt-4o': 'gpt-4.1-nano' }, shortOutputTokens: 80 })
    // Only the 50-token feature stays below 80; gpt-4.1-nano: $0.0002 + $0.00002 = $0.00022 per call.
    expect(rightSizing.rows).toHaveLength(1)
    expect(rightSizing.rows[0]).toMatchObject({ model: 'gpt-4o', sibling: 'gpt-4.1-nano', calls: 2 })
    expect(rightSizing.rows[0]!.saving).toBeCloseTo(2 * (0.0055 - 0.00022), 12)
  })

  it('says to record tool use when no call does', () => {
    expect(savings(ledger).toRecord.join('\n')).not.toContain("tools: 'yes'")
    expect(savings(ledger.slice(0, 3)).toRecord.join('\n')).toContain("tools: 'yes'")
  })
})
