import Anthropic from '@anthropic-ai/sdk'
import { createFinOps, LimitExceededError, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { withFinOps } from './with-finops.js'

let provider: FakeProvider
let finops: FinOps
let records: UsageRecord[]
let anthropic: Anthropic

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  provider.reset()
  records = []
  finops = createFinOps({ onUsage: (record) => void records.push(record) })
  anthropic = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' }), { finops, attribution: { feature: 'nightly' } })
})

const request = (customId: string, content: string, model = 'claude-haiku-4-5') => ({ custom_id: customId, params: { model, max_tokens: 100, messages: [{ role: 'user' as const, content }] } })

async function readAll(results: AsyncIterable<{ custom_id: string }>): Promise<string[]> {
  const ids: string[] = []
  for await (const line of results) ids.push(line.custom_id)
  return ids
}

describe('message batches of a wrapped anthropic client', () => {
  it('records each succeeded result as it is read, at the batch tier, with the creation’s attribution', async () => {
    const batch = await withAttribution({ team: 'x' }, () => anthropic.messages.batches.create({ requests: [request('a', 'Hello there'), request('b', 'Hi', 'claude-sonnet-4-5')] }))
    provider.completeBatch(batch.id)
    expect(await readAll(await anthropic.messages.batches.results(batch.id))).toEqual(['a', 'b'])
    await finops.flush()
    expect(records).toMatchObject([
      { model: 'claude-haiku-4-5', serviceTier: 'batch', usage: { inputTokens: 2, outputTokens: 16 }, attribution: { feature: 'nightly', team: 'x' } },
      { model: 'claude-sonnet-4-5', serviceTier: 'batch', usage: { inputTokens: 1, outputTokens: 16 }, attribution: { feature: 'nightly', team: 'x' } },
    ])
  })

  it('records each result once when the results are read twice', async () => {
    const batch = await anthropic.messages.batches.create({ requests: [request('a', 'Hello there')] })
    provider.completeBatch(batch.id)
    await readAll(await anthropic.messages.batches.results(batch.id))
    await readAll(await anthropic.messages.batches.results(batch.id))
    await finops.flush()
    expect(records).toHaveLength(1)
  })

  it('records only the results actually read when iteration stops early', async () => {
    const batch = await anthropic.messages.batches.create({ requests: [request('a', 'one'), request('b', 'two')] })
    provider.completeBatch(batch.id)
    for await (const line of await anthropic.messages.batches.results(batch.id)) if (line.custom_id === 'a') break
    await finops.flush()
    expect(records.map((record) => record.responseModel ?? record.model)).toEqual(['claude-haiku-4-5'])
  })

  it('attributes results of a batch this process did not create to the results call’s attribution', async () => {
    const unwrapped = new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' })
    const batch = await unwrapped.messages.batches.create({ requests: [request('a', 'Hello there')] })
    provider.completeBatch(batch.id)
    const results = await withAttribution({ team: 'reader' }, () => anthropic.messages.batches.results(batch.id))
    await readAll(results)
    await finops.flush()
    expect(records[0]?.attribution).toEqual({ feature: 'nightly', team: 'reader' })
  })

  it('meters beta.messages.batches alike', async () => {
    const batch = await withAttribution({ team: 'x' }, () => anthropic.beta.messages.batches.create({ requests: [request('a', 'Hello there')] }))
    provider.completeBatch(batch.id)
    await readAll(await anthropic.beta.messages.batches.results(batch.id))
    await finops.flush()
    expect(records).toMatchObject([{ serviceTier: 'batch', attribution: { team: 'x' } }])
  })

  it('refuses to create a batch whose estimate overruns a hard budget, sending nothing', async () => {
    // 3 requests × 100 max output tokens of claude-haiku-4-5 at the batch tier ($2.50 / MTok) ≈ $0.00075.
    finops = createFinOps({ policies: [{ key: 'tiny', limits: { budget: { period: 'monthly', hard_limit_usd: 0.0005 } } }] })
    anthropic = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' }), { finops })
    const create = anthropic.messages.batches.create({ requests: [request('a', 'one'), request('b', 'two'), request('c', 'three')] })
    await expect(create).rejects.toBeInstanceOf(LimitExceededError)
    await expect(create.withResponse()).rejects.toBeInstanceOf(LimitExceededError)
    expect(provider.requests).toHaveLength(0)
    expect(await anthropic.messages.batches.create({ requests: [request('a', 'one')] })).toMatchObject({ type: 'message_batch' })
  })
})
