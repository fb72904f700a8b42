import { redisServerSkipReason } from '@finops-ai/redis/testing'
import { describe, expect, it } from 'vitest'
import { run } from './main.js'

// gpt-4o at $2.50 / 1M input and $10 / 1M output; the fake provider answers 3 input words with 16.
const costPerCallNanos = 3 * 2_500 + 16 * 10_000

describe.skipIf(redisServerSkipReason() !== undefined)('shared-budget-redis example', () => {
  it('two processes never spend more than the one budget they share, and nothing stays reserved', async () => {
    const lines: string[] = []
    const { reports, spend } = await run({ log: (line) => lines.push(line) })
    const sent = reports.reduce((sum, report) => sum + report.sent, 0)
    expect(reports.every((report) => report.sent > 0)).toBe(true)
    expect(reports.some((report) => report.denied > 0)).toBe(true)
    expect(spend.reserved).toBe(0)
    expect(spend.spent).toBeLessThanOrEqual(0.01)
    expect(Math.round(spend.spent * 1e9)).toBe(sent * costPerCallNanos)
    expect(lines.at(-1)).toMatch(/^together: \$0\.\d{6}; Redis says spent \$0\.\d+ of \$0\.01, reserved \$0$/)
  }, 60_000)
})
