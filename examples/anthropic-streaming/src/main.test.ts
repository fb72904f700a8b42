import { describe, expect, it } from 'vitest'
import { run } from './main.js'

describe('anthropic-streaming example', () => {
  it('streams a message and prints its cache usage, attribution and exact cost in one labelled currency', async () => {
    const lines: string[] = []
    const record = await run({ log: (line) => lines.push(line) })
    // 1 800 cache reads + 400 one-hour writes; 16 output words (the fake provider's reply).
    expect(record.usage).toEqual({ inputTokens: 2200, outputTokens: 16, cacheReadTokens: 1800, cacheWrite1hTokens: 400 })
    // claude-sonnet-4-6 per MTok: cache read $0.30, 1h write $6, output $15 →
    // 1800 × 300 + 400 × 6000 + 16 × 15000 nano-USD = 540 000 + 2 400 000 + 240 000.
    expect(record.cost?.usdNanos).toBe(3_180_000)
    expect(record.attribution).toMatchObject({ team: 'docs', feature: 'manual-assistant', costCenter: 'CC-2001' })
    expect(lines).toContain('  usage: input 2200 (cache read 1800, cache write 5m 0, 1h 400), output 16')
    expect(lines).toContain('  attribution: team=docs, feature=manual-assistant, costCenter=CC-2001')
    // The same amounts at the demo's 1 USD = 0.86 EUR: 0.00318 × 0.86 = 0.0027348; 0.00054 × 0.86 = 0.0004644;
    // 0.0024 × 0.86 = 0.002064; 0.00024 × 0.86 = 0.0002064.
    expect(lines.at(-1)).toBe(
      '  cost 0.0027348 EUR (input 0, cache read 0.0004644, cache write 0.002064, output 0.0002064 EUR); ' +
        'exactly 0.00318 USD = 3180000 nano-USD at 1 USD = 0.86 EUR',
    )
    // The engine's figures only: no raw SDK usage object next to them.
    expect(lines.join('\n')).not.toContain('{"input_tokens"')
  })
})
