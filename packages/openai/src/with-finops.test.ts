import OpenAI from 'openai'
import { createFinOps, LimitExceededError, withAttribution, type FinOpsEvent, type UsageRecord } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { withFinOps } from './with-finops.js'

const messages = [{ role: 'user' as const, content: 'Hi there' }]

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterEach(() => provider.reset())
afterAll(() => provider.close())

describe('withFinOps', () => {
  it('records one usage record per call with the client and call-site attribution', async () => {
    const records: UsageRecord[] = []
    const finops = createFinOps({ onUsage: (record) => void records.push(record) })
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), {
      finops,
      attribution: { team: 'support' },
    })
    await withAttribution({ feature: 'faq' }, () => openai.chat.completions.create({ model: 'gpt-4o', messages }))
    await finops.flush()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      provider: 'openai',
      operation: 'chat',
      model: 'gpt-4o',
      status: 'ok',
      estimated: false,
      usage: { inputTokens: 2, outputTokens: 16 },
      attribution: { team: 'support', feature: 'faq' },
    })
  })

  it('rejects a call over its hard budget without sending it', async () => {
    const finops = createFinOps({
      policies: [{ key: 'tiny', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }],
    })
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops })
    const rejection = await openai.chat.completions.create({ model: 'gpt-4o', messages }).catch((error: unknown) => error)
    expect(LimitExceededError.isInstance(rejection)).toBe(true)
    expect(provider.requests).toHaveLength(0)
  })

  it('returns the same client, and the same client again when wrapped twice', () => {
    const client = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
    const finops = createFinOps()
    expect(withFinOps(client, { finops })).toBe(client)
    expect(withFinOps(client, { finops })).toBe(client)
  })

  it('keeps the first engine when another engine wraps the client again, and tells the second one', async () => {
    const client = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
    const firstRecords: UsageRecord[] = []
    const secondEvents: FinOpsEvent[] = []
    const first = createFinOps({ onUsage: (record) => void firstRecords.push(record) })
    const second = createFinOps({
      policies: [{ key: 'one-per-minute', limits: { requests_per_minute: 1 } }],
      onEvent: (event) => void secondEvents.push(event),
    })
    withFinOps(client, { finops: first })
    withFinOps(client, { finops: second })
    withFinOps(client, { finops: second })
    await client.chat.completions.create({ model: 'gpt-4o', messages })
    await client.chat.completions.create({ model: 'gpt-4o', messages })
    await first.flush()
    expect(firstRecords).toHaveLength(2)
    expect(secondEvents.map((event) => event.type)).toEqual(['wrap_ignored'])
  })

  it('rejects invalid client attribution and stream usage mode naming the option', () => {
    const client = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
    const finops = createFinOps()
    expect(() => withFinOps(client, { finops, attribution: { team: { id: 7 } as unknown as string } })).toThrow(
      'withFinOps.attribution.team: expected a string, a finite number or a boolean, got object',
    )
    expect(() => withFinOps(client, { finops, streamUsage: 'always' as 'inject' })).toThrow(
      "withFinOps.streamUsage: expected one of inject|estimate|off, got 'always'",
    )
  })
})
