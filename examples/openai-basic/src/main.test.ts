import { describe, expect, it } from 'vitest'
import { run } from './main.js'

describe('openai-basic demo', () => {
  it('prints spans and a table with attribution, tokens and cost for every call', async () => {
    const lines: string[] = []
    const records = await run({ log: (line) => lines.push(line), apiKey: '' })
    const output = lines.join('\n')

    expect(records.map((record) => record.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'denied', 'denied', 'ok'])
    expect(records.every((record) => record.status === 'denied' || (record.cost?.amount ?? 0) > 0)).toBe(true)
    expect(output).toContain('span "chat gpt-4o-mini" enduser.id=k.herings team.name=customer-support feature.name=support-rag')
    expect(output).toContain('denied: requests_per_minute of per-user-rate/user=k.herings')
    expect(output).toContain('event soft_limit policy=support-budget')
    expect(output).toContain('(unallocated)')
    expect(output).toMatch(/total \d+\.\d{6} EUR \(\d+ nano-USD exactly\) over 8 calls/)
  })
})
