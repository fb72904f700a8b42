import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { UsageRecord } from '@finops-ai/core'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'

/**
 * Test fixture: `count` gpt-4o calls (input 2.5, output 10 USD per 1M, as bundled) every 2.3 hours
 * from 2026-11-01, over three teams and four features; every 7th call is unallocated.
 */
export function sampleRecords(count: number): UsageRecord[] {
  const teams = ['support', 'search', 'growth']
  const features = ['rag', 'chat', 'summaries', 'triage']
  return Array.from({ length: count }, (_, index) => {
    const inputTokens = 1000 + index * 13
    const outputTokens = 200 + index
    const unallocated = index % 7 === 0
    const feature = features[index % 4]!
    return usageRecord({
      id: `call-${index}`,
      startTime: new Date(Date.UTC(2026, 10, 1) + index * 2.3 * 3_600_000).toISOString(),
      attribution: unallocated ? { feature } : { team: teams[index % 3]!, feature, user: `user-${index % 5}` },
      unallocated,
      usage: { inputTokens, outputTokens },
      cost: { ...usdCost(inputTokens * 2500 + outputTokens * 10_000)!, source: 'genai-prices' },
    })
  })
}

/** Writes records as a JSONL file in a new temporary directory (plus `extra` raw lines) and returns its path. */
export function writeLedger(records: readonly UsageRecord[], extra = ''): string {
  const path = join(mkdtempSync(join(tmpdir(), 'finops-ledger-')), 'usage.jsonl')
  writeFileSync(path, records.map((record) => `${JSON.stringify(record)}\n`).join('') + extra)
  return path
}
