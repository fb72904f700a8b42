import Anthropic from '@anthropic-ai/sdk'
import { context, propagation, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base'
import { createFinOps, LimitExceededError, type FinOps, type FinOpsOptions, type UsageRecord } from '@finops-ai/core'
import { fakeProvider, genAiSpans, type FakeProvider } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { withFinOps } from './with-finops.js'

// Prices per million tokens (MTok) from @pydantic/genai-prices, written out so the expected costs
// are computed independently of the engine. claude-haiku-4-5: input $1, output $5, cache read
// $0.10, cache write 5m $1.25, cache write 1h $2. claude-opus-4-1: output $75, cache write 5m $18.75.
const NANOS_PER_MTOK_DOLLAR = 1000 // $1 per million tokens = 1000 nano-USD per token

const messages = [{ role: 'user' as const, content: 'Say hello to the team' }] // 5 input tokens
const exporter = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
  // A registered global provider switches the SDK's own tracing on.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  trace.setGlobalTracerProvider(tracerProvider)
})
afterEach(() => {
  provider.reset()
  exporter.reset()
})
afterAll(async () => {
  trace.disable()
  context.disable()
  propagation.disable()
  await provider.close()
})

function setup(options: { countTokens?: boolean } = {}, engineOptions: FinOpsOptions = {}) {
  const records: UsageRecord[] = []
  const finops = createFinOps({ tracerProvider, onUsage: (record) => void records.push(record), ...engineOptions })
  const client = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test', maxRetries: 0 }), { finops, ...options })
  return { finops, client, records }
}

async function finished(finops: FinOps): Promise<ReadableSpan[]> {
  await finops.flush()
  return exporter.getFinishedSpans()
}

describe('withFinOps with the real engine and a registered tracer provider', () => {
  it('emits one span per call with exact token attributes of cache reads and 1h writes, and their exact cost', async () => {
    const { finops, client, records } = setup()
    provider.setUsage({ cachedTokens: 2000, cacheWrite1hTokens: 500 })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    const spans = await finished(finops)
    expect(spans).toHaveLength(1)
    expect(spans[0]?.name).toBe('chat claude-haiku-4-5')
    expect(spans[0]?.attributes).toMatchObject({
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.operation.name': 'chat',
      // input_tokens 0 + 2000 cache reads + 500 cache writes
      'gen_ai.usage.input_tokens': 2500,
      'gen_ai.usage.cache_read.input_tokens': 2000,
      'gen_ai.usage.cache_creation.input_tokens': 500,
      'gen_ai.usage.output_tokens': 16,
    })
    // 2000 × $0.10 + 500 × $2 (1h write) + 16 × $5, per MTok = 200 000 + 1 000 000 + 80 000 nano-USD
    const expected = (2000 * 0.1 + 500 * 2 + 16 * 5) * NANOS_PER_MTOK_DOLLAR
    expect(expected).toBe(1_280_000)
    expect(records[0]?.cost?.usdNanos).toBe(expected)
    expect(spans[0]?.attributes['finops.cost.amount']).toBeCloseTo(0.00128, 12)
  })

  it('prices 5-minute and 1-hour cache writes differently', async () => {
    const { finops, client, records } = setup()
    provider.setUsage({ cacheWriteTokens: 1000 })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    provider.reset()
    provider.setUsage({ cacheWrite1hTokens: 1000 })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    provider.reset()
    provider.setUsage({ cacheWriteTokens: 1000 })
    await client.messages.create({ model: 'claude-opus-4-1', max_tokens: 64, messages })
    await finops.flush()
    expect(records.map((record) => record.cost?.usdNanos)).toEqual([
      (1000 * 1.25 + 16 * 5) * NANOS_PER_MTOK_DOLLAR, // haiku 5m: 1 250 000 + 80 000
      (1000 * 2 + 16 * 5) * NANOS_PER_MTOK_DOLLAR, // haiku 1h: 2 000 000 + 80 000
      (1000 * 18.75 + 16 * 75) * NANOS_PER_MTOK_DOLLAR, // opus 5m: 18 750 000 + 1 200 000
    ])
    expect(records.map((record) => record.usage)).toEqual([
      { inputTokens: 1000, outputTokens: 16, cacheWriteTokens: 1000 },
      { inputTokens: 1000, outputTokens: 16, cacheWrite1hTokens: 1000 },
      { inputTokens: 1000, outputTokens: 16, cacheWriteTokens: 1000 },
    ])
  })

  it('emits one GenAI span for each of create, a streamed create, messages.stream and beta.messages.create', async () => {
    const { finops, client } = setup()
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 8, messages })
    for await (const _event of await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 8, messages, stream: true })) void _event
    await client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 8, messages }).finalMessage()
    await client.beta.messages.create({ model: 'claude-haiku-4-5', max_tokens: 8, messages })
    const spans = await finished(finops)
    expect(spans.map((span) => span.name)).toEqual(Array(4).fill('chat claude-haiku-4-5'))
    expect(spans.every((span) => span.attributes['gen_ai.usage.output_tokens'] === 8)).toBe(true)
  })

  it('ends the span of an aborted stream and settles what it received, flagged estimated', async () => {
    const { finops, client, records } = setup()
    provider.setReplyWords(300)
    const stream = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 1000, messages })
    let deltas = 0
    stream.on('text', () => {
      deltas += 1
      if (deltas === 20) stream.abort()
    })
    await stream.done().catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const spans = await finished(finops)
    expect(spans).toHaveLength(1)
    expect(spans[0]?.attributes).toMatchObject({ 'finops.usage.input_tokens': 5, 'finops.usage.estimated': true })
    expect(records[0]).toMatchObject({ estimated: true, usage: { inputTokens: 5 } })
    expect(records[0]?.usage.outputTokens).toBeGreaterThan(0)
  })

  it('denies a call over its hard budget without sending any request', async () => {
    const finops = createFinOps({ tracerProvider, policies: [{ key: 'tiny', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }] })
    const client = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' }), { finops })
    const rejection = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages }).catch((error: unknown) => error)
    expect(LimitExceededError.isInstance(rejection)).toBe(true)
    expect(provider.requests).toHaveLength(0)
  })

  it('reserves the countTokens count and still emits one GenAI span per call', async () => {
    // A budget that holds the local estimate but not the count of a long system prompt (one token per word for the fake provider).
    const system = Array.from({ length: 2_000 }, () => 'a').join(' ')
    const { finops, client, records } = setup({ countTokens: true }, { policies: [{ key: 'support', limits: { budget: { period: 'daily', hard_limit_usd: 0.0015 } } }] })
    await expect(client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, system, messages })).rejects.toMatchObject({ reason: 'budget' })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    const spans = await finished(finops)
    expect(provider.requests.map((request) => request.path)).toEqual(['/v1/messages/count_tokens', '/v1/messages/count_tokens', '/v1/messages'])
    expect(genAiSpans(spans)).toHaveLength(2)
    expect(records.map((record) => record.status)).toEqual(['denied', 'ok'])
  })

  it('asks for no count when nothing is reserved: no policies, or a response-cache hit', async () => {
    const { finops, client } = setup({ countTokens: true })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    const cached = setup({ countTokens: true }, { cache: {}, policies: [{ key: 'support', limits: { requests_per_minute: 100 } }] })
    const request = { model: 'claude-haiku-4-5', max_tokens: 64, temperature: 0, messages }
    await cached.client.messages.create(request)
    await cached.finops.flush()
    await cached.client.messages.create(request)
    await finished(finops)
    expect(provider.requests.map((request) => request.path)).toEqual(['/v1/messages', '/v1/messages/count_tokens', '/v1/messages'])
  })

  it('returns the same client, once, and validates its options', () => {
    const client = new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' })
    const finops = createFinOps()
    expect(withFinOps(client, { finops })).toBe(client)
    expect(withFinOps(client, { finops })).toBe(client)
    const other = new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' })
    expect(() => withFinOps(other, { finops, attribution: { team: { name: 'x' } as unknown as string } })).toThrow('withFinOps.attribution.team')
    expect(() => withFinOps(other, { finops, countTokens: 'yes' as unknown as boolean })).toThrow('withFinOps.countTokens')
  })
})
