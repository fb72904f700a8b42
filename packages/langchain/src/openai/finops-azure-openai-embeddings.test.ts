// Real AzureOpenAIEmbeddings → the real `AzureOpenAI` client → HTTP → fakeProvider(), the real
// engine and the real OTel SDK (captureTelemetry).
import { createFinOps, LimitExceededError, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { azureFakeEndpoint } from './azure-fake-endpoint.js'
import { finopsAzureOpenAIEmbeddings } from './finops-azure-openai-embeddings.js'

// text-embedding-3-small on Azure OpenAI, Microsoft's published price
// (azure.microsoft.com/pricing/details/cognitive-services/openai-service, read 2026-12-02): $0.02 per
// 1M tokens, i.e. 20 nano-USD per token.
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
  const model = finopsAzureOpenAIEmbeddings(
    { model: 'text-embedding-3-small', ...azureFakeEndpoint(provider, 'text-embedding-3-small') },
    { finops, attribution: { team: 'search' } },
  )
  return { finops, model }
}

describe('finopsAzureOpenAIEmbeddings', () => {
  it('embedQuery: one record and one embeddings span as azure.ai.openai, with the exact cost', async () => {
    const { finops, model } = embeddings()
    await withAttribution({ feature: 'ticket-search' }, () => model.embedQuery('parcel delayed in transit'))
    await finops.flush()
    expect(provider.requests.map((request) => request.url)).toEqual(['/v1/embeddings?api-version=2024-10-21'])
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      provider: 'azure.ai.openai',
      operation: 'embeddings',
      usage: { inputTokens: 4 },
      cost: { usdNanos: 4 * NANOS_PER_TOKEN },
      attribution: { team: 'search', feature: 'ticket-search' },
    })
    expect(telemetry.genAiSpans().map((span) => span.attributes['gen_ai.provider.name'])).toEqual(['azure.ai.openai'])
  })

  it('a denied request surfaces once with nothing sent, under the default maxRetries (6)', async () => {
    const { finops, model } = embeddings({ policies: [{ key: 'frozen', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }] })
    const error = await model.embedQuery('parcel delayed').catch((caught: unknown) => caught)
    expect(LimitExceededError.isInstance(error)).toBe(true)
    await finops.flush()
    expect(provider.requests).toHaveLength(0)
    expect(records.map((record) => record.status)).toEqual(['denied'])
  })
})
