import { describe, expect, it } from 'vitest'
import { savings } from './create-savings-analysis.js'
import { pricedRecord } from './savings-fixture.js'

// claude-sonnet-4-5 per 1M tokens: input $3, 5-minute cache write $3.75, 1-hour cache write $6,
// cache read $0.30, output $15 — https://docs.claude.com/en/docs/about-claude/pricing (as bundled, price data of 2026-09-23).
const sonnet = { provider: 'anthropic', model: 'claude-sonnet-4-5', durationMs: 2000 }
const rag = { team: 'support', feature: 'rag' }

const ledger = [
  // A: written at 10:00 (ended 10:00:02), read by B at 10:04 → read back.
  pricedRecord({ ...sonnet, id: 'A', startTime: '2026-11-28T10:00:00Z', attribution: rag, usage: { inputTokens: 10_000, cacheWriteTokens: 8_000, outputTokens: 100 } }),
  pricedRecord({ ...sonnet, id: 'B', startTime: '2026-11-28T10:04:00Z', attribution: rag, usage: { inputTokens: 10_000, cacheReadTokens: 8_000, outputTokens: 100 } }),
  // C: written at 11:00; the next read of rag is D at 11:06, after 11:05:02 → never read back.
  pricedRecord({ ...sonnet, id: 'C', startTime: '2026-11-28T11:00:00Z', attribution: rag, usage: { inputTokens: 10_000, cacheWriteTokens: 8_000, outputTokens: 100 } }),
  // G reads at 11:01, but for another feature: it does not read C's write.
  pricedRecord({ ...sonnet, id: 'G', startTime: '2026-11-28T11:01:00Z', attribution: { team: 'support', feature: 'chat' }, usage: { inputTokens: 9_000, cacheReadTokens: 8_000, outputTokens: 10 } }),
  pricedRecord({ ...sonnet, id: 'D', startTime: '2026-11-28T11:06:00Z', attribution: rag, usage: { inputTokens: 10_000, cacheReadTokens: 8_000, outputTokens: 100 } }),
  // E: a 1-hour write at 12:00, read by F at 12:50 → read back.
  pricedRecord({ ...sonnet, id: 'E', startTime: '2026-11-28T12:00:00Z', attribution: rag, usage: { inputTokens: 5_000, cacheWrite1hTokens: 4_000, outputTokens: 100 } }),
  pricedRecord({ ...sonnet, id: 'F', startTime: '2026-11-28T12:50:00Z', attribution: rag, usage: { inputTokens: 5_000, cacheReadTokens: 4_000, outputTokens: 100 } }),
]

describe('savings: cache writes never read back', () => {
  it('finds the write no later call of the same feature and model read within its TTL, and its premium over uncached input', () => {
    const { unreadCacheWrites } = savings(ledger)
    expect(unreadCacheWrites.rows).toHaveLength(1)
    const [row] = unreadCacheWrites.rows
    expect(row).toMatchObject({ team: 'support', feature: 'rag', provider: 'anthropic', model: 'claude-sonnet-4-5', writes: 3, unreadWrites: 1, unreadTokens: 8_000 })
    // C's 8,000 written tokens: paid 8,000 × $3.75 / 1M = $0.03; at the input price they would have cost 8,000 × $3 / 1M = $0.024.
    expect(row!.unreadCost).toBeCloseTo(0.03, 12)
    expect(row!.saving).toBeCloseTo(0.03 - 0.024, 12)
    expect(unreadCacheWrites.total).toBeCloseTo(0.006, 12)
    expect(unreadCacheWrites.assumption).toContain('Approximation')
  })

  it('counts a 1-hour write as read back up to an hour after its call ended, not five minutes', () => {
    const late = pricedRecord({ ...sonnet, id: 'H', startTime: '2026-11-28T13:01:03Z', attribution: rag, usage: { inputTokens: 5_000, cacheReadTokens: 4_000, outputTokens: 1 } })
    const withoutF = ledger.filter((record) => record.id !== 'F')
    // Without F, E's write is read by nobody; a read at 13:01:03 is after 12:00:02 + 1 h.
    expect(savings([...withoutF, late]).unreadCacheWrites.rows[0]).toMatchObject({ unreadWrites: 2, unreadTokens: 12_000 })
    // E's 4,000 tokens at the 1-hour price: premium 4,000 × ($6 − $3) / 1M = $0.012, plus C's $0.006.
    expect(savings([...withoutF, late]).unreadCacheWrites.total).toBeCloseTo(0.018, 12)
  })
})
