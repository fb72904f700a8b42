import { createFinOps, LimitExceededError, withAttribution, type PolicyConfig, type UsageRecord } from '@finops-ai/core'
import { embed, embedMany, wrapEmbeddingModel } from 'ai'
import { describe, expect, it } from 'vitest'
import { useFakeProviderRig } from './fake-provider-rig.js'
import { finopsEmbeddingMiddleware } from './finops-embedding-middleware.js'

// text-embedding-3-small (openai.com/api/pricing, since 2024-01-25): $0.02 per million tokens,
// that is 20 nano-USD per token.
const NANOS_PER_TOKEN = 20

const rig = useFakeProviderRig()

function setup(policies: PolicyConfig[] = []) {
  const records: UsageRecord[] = []
  const finops = createFinOps({ policies, tracerProvider: rig.telemetry.tracerProvider, onUsage: (record) => void records.push(record) })
  const model = wrapEmbeddingModel({
    model: rig.models.openai.embedding('text-embedding-3-small'),
    middleware: finopsEmbeddingMiddleware({ finops, attribution: { team: 'search' } }),
  })
  return { finops, records, model }
}

describe('finopsEmbeddingMiddleware', () => {
  it('embed: one usage record and one embeddings span with the attribution and the exact cost', async () => {
    const { finops, records, model } = setup()
    await withAttribution({ feature: 'index' }, () => embed({ model, value: 'a b c d' }))
    await finops.flush()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      provider: 'openai',
      operation: 'embeddings',
      model: 'text-embedding-3-small',
      usage: { inputTokens: 4, outputTokens: 0 },
      attribution: { team: 'search', feature: 'index' },
    })
    expect(records[0]?.cost?.usdNanos).toBe(4 * NANOS_PER_TOKEN)
    const spans = rig.telemetry.genAiSpans()
    expect(spans.map((span) => span.name)).toEqual(['embeddings text-embedding-3-small'])
    expect(spans[0]?.attributes).toMatchObject({ 'gen_ai.usage.input_tokens': 4, 'team.name': 'search', 'feature.name': 'index' })
  })

  it('embedMany: one record per request the AI SDK sends', async () => {
    const { finops, records, model } = setup()
    await embedMany({ model, values: ['a b', 'c d e'] })
    await finops.flush()
    expect(rig.provider.requests).toHaveLength(1)
    expect(records.map((record) => record.usage)).toEqual([{ inputTokens: 5, outputTokens: 0 }])
    expect(records[0]?.cost?.usdNanos).toBe(5 * NANOS_PER_TOKEN)
  })

  it('a denial rejects embed with LimitExceededError once and sends nothing', async () => {
    const { finops, records, model } = setup([{ key: 'frozen', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }])
    const failure = await embed({ model, value: 'a b c d' }).catch((error: unknown) => error)
    expect(LimitExceededError.isInstance(failure)).toBe(true)
    await finops.flush()
    expect(rig.provider.requests).toHaveLength(0)
    expect(records.map((record) => record.status)).toEqual(['denied'])
  })
})
