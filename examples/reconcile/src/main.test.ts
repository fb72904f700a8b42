import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { run } from './main.js'

describe('reconcile demo', () => {
  it("checks the ledger written through withFinOps against OpenAI's reports and prints every finding", async () => {
    const lines: string[] = []
    const result = await run({ log: (line) => lines.push(line) })
    const output = lines.join('\n')

    expect(result.groups.map((group) => [group.day, group.model, group.apiKey, group.final, group.verdict])).toEqual([
      ['2026-11-02', 'gpt-4o', 'key_support', true, 'within-tolerance'],
      ['2026-11-02', 'gpt-4o-mini', 'key_leaked', true, 'provider-only'],
      ['2026-11-02', 'gpt-4o-mini', 'key_support', true, 'ledger-low'],
      ['2026-11-03', 'gpt-4o', 'key_nightly', true, 'provider-only'],
      ['2026-11-03', 'gpt-4o', 'key_support', true, 'within-tolerance'],
      ['2026-11-04', 'gpt-4o', 'key_support', false, 'ledger-only'],
    ])
    // gpt-4o at openai.com/api/pricing (read 2026-12-02): $2.50 input, $10 output per million tokens;
    // 9 input and 16 output tokens per call (the fake provider counts words).
    expect(result.groups[0]!.ledger).toEqual({ requests: 3, inputTokens: 27, outputTokens: 48, costUsd: 0.0005475 })
    expect(result.priceDrift).toEqual([{ day: '2026-11-02', model: 'gpt-4o-mini', project: 'proj_support', apiKey: 'key_support', providerUsdPerMillionTokens: 0.822, ledgerUsdPerMillionTokens: 0.438 }])
    expect(output).toMatch(/^proj_nightly\s+key_nightly\s+gpt-4o\s+2026-11-03\s+10\s+55000\s+0\.175000$/m)
    expect(output).toMatch(/^2026-11-04\*\s+gpt-4o\s+proj_support\s+key_support\s+0\s+0\.000000\s+25\s+0\.000182\s+\+25\s+\+0\.000182\s+ledger only$/m)
    expect(output).toContain('final groups: 2 within tolerance, 0 ledger high, 1 ledger low, 2 provider only, 0 ledger only; 1 partial')
  })

  it('prints what docs/reconcile.md shows', async () => {
    const lines: string[] = []
    await run({ log: (line) => lines.push(line) })
    const doc = readFileSync(new URL('../../../docs/reconcile.md', import.meta.url), 'utf8')
    const shown = /```text\n([\s\S]*?)\n```/.exec(doc)?.[1]
    expect(lines.join('\n').trimEnd()).toBe(shown)
  })
})
