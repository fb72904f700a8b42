// The whole call path with real components: the `openai` client over HTTP against fakeProvider(),
// the real engine, and the real OTel SDK with in-memory exporters.
import { createFinOps, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base'
import { SpanStatusCode } from '@opentelemetry/api'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

const exporter = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
let provider: FakeProvider
let finops: FinOps
let records: UsageRecord[]
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  records = []
  finops = createFinOps({ tracerProvider, onUsage: (record) => void records.push(record) })
  openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops, attribution: { team: 'search' } })
})
afterEach(() => {
  exporter.reset()
  provider.reset()
})

/** The one GenAI span the test expects, after pending settlements have finished. */
async function onlySpan(): Promise<ReadableSpan> {
  await finops.flush()
  const spans = exporter.getFinishedSpans()
  expect(spans).toHaveLength(1)
  return spans[0] as ReadableSpan
}

const eightWords = 'one two three four five six seven eight'
const messages = [{ role: 'user' as const, content: eightWords }]
// gpt-4o: $2.50 / 1M input, $1.25 / 1M cached input, $10 / 1M output.
// 8 input tokens of which 4 cached, 16 output: 4 × 2.5 + 4 × 1.25 + 16 × 10 = 175 µUSD.
const gpt4oCost = 0.000175

const usageAttributes = {
  'gen_ai.usage.input_tokens': 8,
  'gen_ai.usage.output_tokens': 16,
  'gen_ai.usage.cache_read.input_tokens': 4,
  'finops.cost.amount': gpt4oCost,
  'finops.cost.currency': 'USD',
  'finops.price.source': 'genai-prices',
}

describe('openai through the engine', () => {
  it('chat completion: one span with request, response, usage, cost and attribution', async () => {
    provider.setUsage({ cachedTokens: 4 })
    await withAttribution({ feature: 'rank' }, () => openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 100 }))
    const span = await onlySpan()
    expect(span.name).toBe('chat gpt-4o')
    expect(span.attributes).toMatchObject({
      ...usageAttributes,
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.request.max_tokens': 100,
      'gen_ai.response.model': 'gpt-4o',
      'gen_ai.response.finish_reasons': ['stop'],
      'server.address': '127.0.0.1',
      'team.name': 'search',
      'feature.name': 'rank',
    })
    expect(span.attributes['gen_ai.response.id']).toMatch(/^chatcmpl-/)
    expect(records[0]?.cost?.usdNanos).toBe(175_000)
  })

  it('chat stream: one span with exact usage although the caller never asked for it', async () => {
    provider.setUsage({ cachedTokens: 4 })
    const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    let chunks = 0
    for await (const chunk of stream) {
      expect(chunk.choices[0]).toBeDefined()
      chunks++
    }
    expect(chunks).toBe(18)
    const span = await onlySpan()
    expect(span.attributes).toMatchObject(usageAttributes)
    expect(span.attributes['finops.usage.estimated']).toBeUndefined()
  })

  it('responses: operation chat with usage from the response object and from response.completed', async () => {
    provider.setUsage({ cachedTokens: 4 })
    await openai.responses.create({ model: 'gpt-4o', input: eightWords })
    expect((await onlySpan()).attributes).toMatchObject({ ...usageAttributes, 'gen_ai.operation.name': 'chat' })
    exporter.reset()

    const stream = await openai.responses.create({ model: 'gpt-4o', input: eightWords, stream: true })
    for await (const event of stream) void event
    expect((await onlySpan()).attributes).toMatchObject(usageAttributes)
  })

  it('embeddings: operation embeddings priced on input tokens only', async () => {
    await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'a b c d' })
    const span = await onlySpan()
    expect(span.name).toBe('embeddings text-embedding-3-small')
    // text-embedding-3-small: $0.02 / 1M tokens × 4 = 0.08 µUSD.
    expect(span.attributes).toMatchObject({ 'gen_ai.operation.name': 'embeddings', 'gen_ai.usage.input_tokens': 4, 'finops.cost.amount': 8e-8 })
  })

  it('legacy completions: operation text_completion', async () => {
    await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: eightWords })
    const span = await onlySpan()
    // gpt-3.5-turbo-instruct: $1.50 / 1M input, $2 / 1M output: 8 × 1.5 + 16 × 2 = 44 µUSD.
    expect(span.attributes).toMatchObject({ 'gen_ai.operation.name': 'text_completion', 'finops.cost.amount': 0.000044 })
  })

  it('reasoning tokens are reported and priced as output', async () => {
    provider.setUsage({ reasoningTokens: 8 })
    await openai.chat.completions.create({ model: 'o4-mini', messages })
    const span = await onlySpan()
    // o4-mini: $1.10 / 1M input, $4.40 / 1M output; 16 + 8 reasoning output tokens: 8 × 1.1 + 24 × 4.4 = 114.4 µUSD.
    expect(span.attributes).toMatchObject({
      'gen_ai.usage.output_tokens': 24,
      'gen_ai.usage.reasoning.output_tokens': 8,
      'finops.cost.amount': 0.0001144,
    })
  })

  it('SDK retries stay inside one span', async () => {
    provider.failNext({ status: 429, retryAfter: 0.01, times: 2 })
    await openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(provider.requests).toHaveLength(3)
    const span = await onlySpan()
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
  })

  it('a provider error ends the span with error.type and settles nothing', async () => {
    provider.failNext({ status: 500 })
    const error = await openai.chat.completions.create({ model: 'gpt-4o', messages }, { maxRetries: 0 }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.InternalServerError)
    const span = await onlySpan()
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(span.attributes['error.type']).toBe('500')
    expect(records[0]).toMatchObject({ status: 'error', errorType: '500', cost: { usdNanos: 0 } })
  })

  it('a stream the consumer leaves early still ends its span', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    for await (const chunk of stream) {
      void chunk
      break
    }
    const span = await onlySpan()
    expect(span.attributes['gen_ai.operation.name']).toBe('chat')
    expect(records).toHaveLength(1)
  })
})
