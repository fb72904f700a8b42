import { describe, expect, it } from 'vitest'
import { run } from './main.js'

describe('openai-basic demo', () => {
  it('prints the policies, each call, spans, explained denials and a table with attribution, tokens and cost', async () => {
    const lines: string[] = []
    const calls = await run({ log: (line) => lines.push(line), apiKey: '' })
    const output = lines.join('\n')
    const records = calls.map(({ record }) => record)

    expect(records.map((record) => record.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'denied', 'denied', 'ok'])
    expect(records.every((record) => record.status === 'denied' || (record.cost?.amount ?? 0) > 0)).toBe(true)
    expect(calls.map(({ api }) => api)).toEqual([
      'chat.completions',
      'chat.completions (stream)',
      'embeddings',
      'Responses API',
      'chat.completions',
      'chat.completions',
      'chat.completions',
      'chat.completions',
    ])
    // The policies, with the soft limit that fires later, come before the first call.
    const firstCall = lines.findIndex((line) => line.includes('#1 chat.completions'))
    const softLimitLine = lines.findIndex((line) => line.includes('support-budget [team=customer-support]: monthly soft limit 0.0001 EUR'))
    expect(softLimitLine).toBeGreaterThan(-1)
    expect(softLimitLine).toBeLessThan(firstCall)
    expect(lines.slice(0, firstCall).join('\n')).toContain('per-user-rate [counted per user]: 3 requests per minute')
    expect(output).toContain('span "chat gpt-4o-mini" enduser.id=k.herings team.name=customer-support feature.name=support-rag cost_center=CC-4711')
    expect(output).toMatch(/event soft_limit on support-budget: spent and reserved 0\.\d+ EUR reached the soft limit of 0\.0001 EUR/)
    expect(output).toContain(
      'denied before sending: requests_per_minute of per-user-rate/user=k.herings: limit 3, current 3 ' +
        '(used by #1 chat.completions, #4 Responses API, #5 chat.completions in the last minute)',
    )
    expect(output).toContain('event attribution_missing: required key(s) feature not set')
    expect(output).toContain('#4 Responses API (user=k.herings, feature=ticket-summary)')
    expect(output).toMatch(/^1\s+chat\.completions\s+k\.herings\s+customer-support\s+support-rag\s+CC-4711\s/m)
    expect(output).toContain('(unallocated)')
    // The embedding costs 6.9e-8 EUR: shown with its digits, never rounded to zero or in exponent form.
    expect(output).toContain('finops.cost.amount=0.000000069 finops.cost.currency=EUR')
    expect(output).toMatch(/^3\s+embeddings\s.*\s0\.000000069\s+ok$/m)
    expect(output).not.toMatch(/0\.000000(?!\d)|\de-\d/)
    expect(lines.at(-2)).toMatch(/^support-budget: spent 0\.\d+ EUR this month of a hard limit of 5 EUR, remaining 4\.\d+ EUR$/)
    expect(output).toMatch(/total 0\.\d+ EUR \(exactly 0\.\d+ USD = \d+ nano-USD\) over 8 calls/)
  })
})
