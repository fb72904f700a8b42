import { LimitExceededError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { run } from './main.js'

describe('ai-sdk demo', () => {
  it('records every AI SDK call with attribution and cost, and denies two calls before sending them', async () => {
    const lines: string[] = []
    const { records, denials, providerRequests } = await run({ log: (line) => lines.push(line) })
    const output = lines.join('\n')

    expect(records.map((record) => [record.operation, record.provider, record.stream, record.status])).toEqual([
      ['chat', 'openai', false, 'ok'],
      ['chat', 'anthropic', true, 'ok'],
      ['embeddings', 'openai', false, 'ok'],
      ['chat', 'openai', false, 'denied'],
      ['chat', 'anthropic', true, 'denied'],
    ])
    expect(records.filter((record) => record.status === 'ok').every((record) => (record.cost?.usdNanos ?? 0) > 0)).toBe(true)
    expect(records[0]?.attribution).toEqual({ team: 'customer-support', user: 'k.herings', feature: 'faq' })
    expect(denials).toHaveLength(2)
    expect(denials.every((denial) => LimitExceededError.isInstance(denial))).toBe(true)
    expect(providerRequests).toBe(3)
    expect(output).toContain('generateText threw LimitExceededError: requests_per_minute of faq-rate')
    expect(output).toContain('requests sent while denied: 0')
    expect(output).toMatch(/total \d+\.\d{8} USD \(\d+ nano-USD\) over 5 calls/)
  })
})
