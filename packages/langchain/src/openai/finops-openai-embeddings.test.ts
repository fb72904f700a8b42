// Real OpenAIEmbeddings → the real `openai` client → HTTP → fakeProvider(), the real engine and the
// real OTel SDK (captureTelemetry).
import { ConfigError, createFinOps, LimitExceededError, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { finopsOpenAIEmbeddings } from './finops-openai-embeddings.js'

// text-embedding-3-small, OpenAI's published price (openai.com/api/pricing, read 2026-12-02): $0.02
// per 1M tokens, i.e. 20 nano-USD per token.
const NANOS_PER_TOKEN = 20

const telemetry = captureTelemetry()
let provider: FakeProvider
let records: UsageRecord[]

beforeAll(async () => {
  provider = await fakeProvider()
})
afterEach(() => {
  provider.reset()
  telemetry.reset()
})
afterAll(async () => {
  await provider.close()
  await telemetry.shutdown()
})

function embeddings(options: Parameters<typeof createFinOps>[0] = {}) {
  records = []
  const finops: FinOps = createFinOps({ ...options, onUsage: (record) => void records.push(record) })
  const model = finopsOpenAIEmbeddings(
    { model: 'text-embedding-3-small', apiKey: 'test', configuration: { baseURL: provider.openaiBaseURL } },
    { finops, attribution: { team: 'search' } },
  )
  return { finops, model }
}

describe('finopsOpenAIEmbeddings', () => {
  it('embedQuery and embedDocuments: one record and one embeddings span per request, with the exact cost', async () => {
    const { finops, model } = embeddings()
    await withAttribution({ feature: 'ticket-search' }, async () => {
      expect(await model.embedQuery('parcel delayed in transit')).not.toHaveLength(0)
      expect(await model.embedDocuments(['refund request', 'late parcel again'])).toHaveLength(2)
    })
    await finops.flush()
    expect(provider.requests).toHaveLength(2)
    expect(records.map((record) => [record.operation, record.usage.inputTokens, record.cost?.usdNanos])).toEqual([
      ['embeddings', 4, 4 * NANOS_PER_TOKEN],
      ['embeddings', 5, 5 * NANOS_PER_TOKEN],
    ])
    for (const record of records) expect(record.attribution).toEqual({ team: 'search', feature: 'ticket-search' })
    expect(telemetry.genAiSpans().map((span) => span.name)).toEqual(['embeddings text-embedding-3-small', 'embeddings text-embedding-3-small'])
  })

  it('a denied request surfaces once with nothing sent, under the default maxRetries (6)', async () => {
    const { finops, model } = embeddings({ policies: [{ key: 'frozen', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }] })
    const error = await model.embedQuery('parcel delayed').catch((caught: unknown) => caught)
    expect(LimitExceededError.isInstance(error)).toBe(true)
    await finops.flush()
    expect(provider.requests).toHaveLength(0)
    expect(records.map((record) => record.status)).toEqual(['denied'])
  })

  it('rejects invalid attribution when the model is built, naming the option', () => {
    expect(() => finopsOpenAIEmbeddings({ apiKey: 'test' }, { attribution: { team: '' } })).toThrow(ConfigError)
  })
})
