import { createFinOps, LimitExceededError, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import OpenAI, { toFile } from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ATTRIBUTION_METADATA_KEY } from './batch-attribution-metadata.js'
import { withFinOps } from './with-finops.js'

let provider: FakeProvider
let finops: FinOps
let records: UsageRecord[]
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  provider.reset()
  records = []
  finops = createFinOps({ onUsage: (record) => void records.push(record) })
  openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops, attribution: { feature: 'nightly' } })
})

async function createBatch(client: OpenAI, options: { endpoint?: '/v1/chat/completions' | '/v1/moderations'; metadata?: Record<string, string> } = {}) {
  const line = { custom_id: 'only', method: 'POST', url: options.endpoint ?? '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }] } }
  const file = await client.files.create({ file: await toFile(Buffer.from(JSON.stringify(line)), 'batch.jsonl'), purpose: 'batch' })
  return client.batches.create({ input_file_id: file.id, endpoint: options.endpoint ?? '/v1/chat/completions', completion_window: '24h', ...(options.metadata && { metadata: options.metadata }) })
}

const sentMetadata = () => (provider.requests.find((request) => request.path === '/v1/batches')?.body as { metadata?: Record<string, string> } | undefined)?.metadata

describe('batches of a wrapped openai client', () => {
  it('sends the attribution captured at creation in the batch metadata, beside the caller’s own', async () => {
    await withAttribution({ team: 'x' }, () => createBatch(openai, { metadata: { job: 'reindex' } }))
    expect(sentMetadata()).toEqual({ job: 'reindex', [ATTRIBUTION_METADATA_KEY]: '{"feature":"nightly","team":"x"}' })
  })

  it('records nothing while the batch runs, then its usage once it is finished', async () => {
    const batch = await createBatch(openai)
    await openai.batches.retrieve(batch.id)
    await finops.flush()
    expect(records).toHaveLength(0)
    provider.completeBatch(batch.id)
    const { data, response } = await openai.batches.retrieve(batch.id).withResponse()
    await finops.flush()
    expect(data.status).toBe('completed')
    expect(response.status).toBe(200)
    expect(records).toMatchObject([{ operation: 'chat', model: 'gpt-4o-mini', serviceTier: 'batch', usage: { inputTokens: 2, outputTokens: 16 }, attribution: { feature: 'nightly' } }])
  })

  it('keeps the attribution in process when the metadata is full', async () => {
    const full = Object.fromEntries(Array.from({ length: 16 }, (_, index) => [`k${index}`, 'v']))
    const batch = await withAttribution({ team: 'x' }, () => createBatch(openai, { metadata: full }))
    expect(sentMetadata()).toEqual(full)
    provider.completeBatch(batch.id)
    await openai.batches.retrieve(batch.id)
    await finops.flush()
    expect(records[0]?.attribution).toEqual({ feature: 'nightly', team: 'x' })
  })

  it('attributes a batch this process did not create to the retrieve call’s attribution', async () => {
    const unwrapped = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
    const batch = await createBatch(unwrapped)
    provider.completeBatch(batch.id)
    await withAttribution({ team: 'reader' }, () => openai.batches.retrieve(batch.id))
    await finops.flush()
    expect(records[0]?.attribution).toEqual({ feature: 'nightly', team: 'reader' })
  })

  it('does not record batches of endpoints it cannot price (moderations)', async () => {
    const batch = await createBatch(openai, { endpoint: '/v1/moderations' })
    provider.completeBatch(batch.id)
    await openai.batches.retrieve(batch.id)
    await finops.flush()
    expect(records).toHaveLength(0)
  })

  it('meters batches of a withOptions() clone too', async () => {
    const clone = openai.withOptions({ timeout: 5_000 })
    const batch = await createBatch(clone)
    provider.completeBatch(batch.id)
    await clone.batches.retrieve(batch.id)
    await finops.flush()
    expect(records).toHaveLength(1)
  })

  it('refuses to create a batch once a matching hard budget is exhausted, sending nothing', async () => {
    finops = createFinOps({ policies: [{ key: 'tiny', limits: { budget: { period: 'monthly', hard_limit_usd: 0.000001 } } }] })
    openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops })
    const first = await createBatch(openai) // no estimate (the requests are in a file): admitted
    provider.completeBatch(first.id)
    await openai.batches.retrieve(first.id) // its cost overruns the $0.000001 budget
    await finops.flush()
    const sentBefore = provider.requests.filter((request) => request.path === '/v1/batches').length
    await expect(createBatch(openai)).rejects.toBeInstanceOf(LimitExceededError)
    expect(provider.requests.filter((request) => request.path === '/v1/batches')).toHaveLength(sentBefore)
  })
})
