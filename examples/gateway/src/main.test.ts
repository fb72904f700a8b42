import { describe, expect, it } from 'vitest'
import { run } from './main.js'

describe('gateway example', () => {
  it('serves both keys, denies the fourth call of a user with 429 and Retry-After, and reports both teams', async () => {
    const lines: string[] = []
    const summary = await run({ log: (line) => lines.push(line) })
    expect(summary.deniedStatus).toBe(429)
    expect(Number(summary.retryAfter)).toBeGreaterThan(0)
    expect(lines.filter((line) => / → \d+ (tokens|chunks)$/.test(line))).toHaveLength(4)
    expect(summary.report).toMatch(/support/)
    expect(summary.report).toMatch(/legal/)
    expect(summary.report).not.toMatch(/sk-fake/)
  })
})
