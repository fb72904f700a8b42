import { createFinOps, LimitExceededError, withAttribution, type FinOps, type PolicyConfig, type UsageRecord } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { generateText, NoOutputGeneratedError, stepCountIs, streamText, tool, wrapLanguageModel } from 'ai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fakeProviderModels } from './fake-provider-models.js'
import { finopsMiddleware } from './finops-middleware.js'
import type { FinOpsMiddlewareOptions } from './finops-middleware-options.js'
import type { GenerateResult, WrapGenerateOptions } from './ai-sdk-types.js'

// Published prices per million tokens, written out so expected costs do not come from the price
// data the engine uses. gpt-4o (openai.com/api/pricing, since 2024-10): input $2.50, cached input
// $1.25, output $10. claude-haiku-4-5 (anthropic.com/pricing, since 2025-10-15): input $1,
// cache read $0.10, output $5.
const prompt = 'one two three four five six seven eight' // 8 input tokens for the fake provider
// 8 input tokens of which 4 cached, 16 output tokens (the fake provider's reply), in nano-USD
// ($1 per million tokens is 1 000 nano-USD per token):
const GPT_4O_NANOS = 4 * 2_500 + 4 * 1_250 + 16 * 10_000 // 175 000
const HAIKU_NANOS = 4 * 1_000 + 4 * 100 + 16 * 5_000 // 84 400

const telemetry = captureTelemetry({ global: false })
let provider: FakeProvider
let models: ReturnType<typeof fakeProviderModels>
/** Models whose streams stall after the first word until aborted. */
let stalling: ReturnType<typeof fakeProviderModels>
beforeAll(async () => {
  provider = await fakeProvider()
  models = fakeProviderModels(provider)
  stalling = fakeProviderModels(provider, { stallAfterFirstWord: true })
})
afterEach(() => {
  provider.reset()
  telemetry.reset()
})
afterAll(async () => {
  await provider.close()
  await telemetry.shutdown()
})

/** An engine recording usage; `record(n)` resolves once `n` records arrived. */
function engine(policies: PolicyConfig[] = [], captureContent = false) {
  const records: UsageRecord[] = []
  const waiting: Array<{ count: number; resolve: () => void }> = []
  const finops = createFinOps({
    policies,
    captureContent,
    tracerProvider: telemetry.tracerProvider,
    meterProvider: telemetry.meterProvider,
    onUsage: (record) => {
      records.push(record)
      for (const wait of waiting) if (records.length >= wait.count) wait.resolve()
    },
  })
  const recorded = (count: number) =>
    records.length >= count ? Promise.resolve(records) : new Promise<UsageRecord[]>((resolve) => waiting.push({ count, resolve: () => resolve(records) }))
  return { finops, records, recorded }
}

function wrapped(model: Parameters<typeof wrapLanguageModel>[0]['model'], finops: FinOps, options: FinOpsMiddlewareOptions = {}) {
  return wrapLanguageModel({ model, middleware: finopsMiddleware({ finops, attribution: { team: 'support' }, ...options }) })
}

const cases = [
  {
    name: '@ai-sdk/openai responses',
    model: () => models.openai.responses('gpt-4o'),
    stalledModel: () => stalling.openai.responses('gpt-4o'),
    provider: 'openai',
    nanos: GPT_4O_NANOS,
  },
  {
    name: '@ai-sdk/openai chat',
    model: () => models.openai.chat('gpt-4o'),
    stalledModel: () => stalling.openai.chat('gpt-4o'),
    provider: 'openai',
    nanos: GPT_4O_NANOS,
  },
  {
    name: '@ai-sdk/anthropic messages',
    model: () => models.anthropic('claude-haiku-4-5'),
    stalledModel: () => stalling.anthropic('claude-haiku-4-5'),
    provider: 'anthropic',
    nanos: HAIKU_NANOS,
  },
]

describe.each(cases)('finopsMiddleware with $name', ({ model, stalledModel, provider: providerName, nanos }) => {
  it('generateText: one usage record and one GenAI span with the attribution and the exact cost', async () => {
    const { finops, records } = engine()
    provider.setUsage({ cachedTokens: 4 })
    const result = await withAttribution({ feature: 'faq' }, () => generateText({ model: wrapped(model(), finops), prompt, maxOutputTokens: 100 }))
    expect(result.text.split(' ')).toHaveLength(16)
    await finops.flush()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      provider: providerName,
      operation: 'chat',
      model: model().modelId,
      stream: false,
      status: 'ok',
      estimated: false,
      attribution: { team: 'support', feature: 'faq' },
      usage: { inputTokens: 8, outputTokens: 16, cacheReadTokens: 4 },
    })
    expect(records[0]?.cost?.usdNanos).toBe(nanos)
    const spans = telemetry.genAiSpans()
    expect(spans).toHaveLength(1)
    expect(spans[0]?.name).toBe(`chat ${model().modelId}`)
    expect(spans[0]?.attributes).toMatchObject({
      'gen_ai.provider.name': providerName,
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.max_tokens': 100,
      'gen_ai.response.model': model().modelId,
      'gen_ai.usage.input_tokens': 8,
      'gen_ai.usage.output_tokens': 16,
      'gen_ai.usage.cache_read.input_tokens': 4,
      'team.name': 'support',
      'feature.name': 'faq',
      'finops.cost.currency': 'USD',
    })
    expect(spans[0]?.attributes['finops.cost.amount']).toBeCloseTo(nanos / 1e9, 12)
    expect(provider.requests).toHaveLength(1)
  })

  it('streamText: one usage record and one GenAI span with the attribution and the exact cost', async () => {
    const { finops, records } = engine()
    provider.setUsage({ cachedTokens: 4 })
    const result = withAttribution({ feature: 'faq' }, () => streamText({ model: wrapped(model(), finops), prompt }))
    expect((await result.text).split(' ')).toHaveLength(16)
    await finops.flush()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      provider: providerName,
      stream: true,
      status: 'ok',
      estimated: false,
      attribution: { team: 'support', feature: 'faq' },
      usage: { inputTokens: 8, outputTokens: 16, cacheReadTokens: 4 },
    })
    expect(records[0]?.cost?.usdNanos).toBe(nanos)
    const spans = telemetry.genAiSpans()
    expect(spans).toHaveLength(1)
    expect(spans[0]?.attributes).toMatchObject({ 'gen_ai.usage.output_tokens': 16, 'team.name': 'support', 'feature.name': 'faq' })
    expect(spans[0]?.attributes['finops.cost.amount']).toBeCloseTo(nanos / 1e9, 12)
  })

  it('generateText: a denial throws LimitExceededError once, sends nothing and is not retried', async () => {
    const { finops, records } = engine([{ key: 'frozen', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }])
    const failure = await generateText({ model: wrapped(model(), finops), prompt }).catch((error: unknown) => error)
    expect(LimitExceededError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ reason: 'budget', policy: 'frozen' })
    await finops.flush()
    expect(provider.requests).toHaveLength(0)
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ status: 'denied', errorType: 'budget' })
    expect(telemetry.genAiSpans()).toHaveLength(1)
  })

  it('streamText: a denial reaches onError and the error part once, text rejects with NoOutputGeneratedError, nothing is sent', async () => {
    const { finops, records } = engine([{ key: 'frozen', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }])
    const errors: unknown[] = []
    const result = streamText({ model: wrapped(model(), finops), prompt, onError: ({ error }) => void errors.push(error) })
    const parts: string[] = []
    for await (const part of result.fullStream) parts.push(part.type)
    expect(parts.filter((type) => type === 'error')).toHaveLength(1)
    expect(errors).toHaveLength(1)
    expect(LimitExceededError.isInstance(errors[0])).toBe(true)
    // The denial itself reaches onError and the error part; the text promise only says nothing came.
    expect(NoOutputGeneratedError.isInstance(await Promise.resolve(result.text).catch((error: unknown) => error))).toBe(true)
    await finops.flush()
    expect(provider.requests).toHaveLength(0)
    expect(records.map((record) => record.status)).toEqual(['denied'])
  })

  it('streamText: an aborted stream settles its estimated usage, flagged', async () => {
    const { finops, recorded } = engine()
    provider.setReplyWords(200)
    const abort = new AbortController()
    // The stream stalls after its first word, so the abort always lands before the usage arrives.
    const result = streamText({ model: wrapped(stalledModel(), finops), prompt, abortSignal: abort.signal, onError: () => {} })
    for await (const part of result.fullStream) if (part.type === 'text-delta') abort.abort()
    const [record] = await recorded(1)
    expect(record).toMatchObject({ stream: true, estimated: true, usage: { inputTokens: expect.any(Number) } })
    expect(record?.usage.outputTokens).toBeLessThan(200)
    expect(telemetry.genAiSpans()[0]?.attributes['finops.usage.estimated']).toBe(true)
  })
})

describe('finopsMiddleware soft-limit downgrades', () => {
  const downgrading: PolicyConfig[] = [
    {
      key: 'soft',
      limits: { budget: { period: 'total', soft_limit_usd: 0, hard_limit_usd: 100 } },
      on_soft_limit: { downgrade: { 'gpt-4o': 'gpt-4o-mini' } },
    },
  ]

  it('sends the downgrade through the model modelFor builds', async () => {
    const { finops, records } = engine(downgrading)
    const model = wrapped(models.openai.responses('gpt-4o'), finops, { modelFor: (modelId) => models.openai.responses(modelId) })
    await generateText({ model, prompt })
    await streamText({ model, prompt }).text
    await finops.flush()
    expect(provider.requests.map((request) => (request.body as { model: string }).model)).toEqual(['gpt-4o-mini', 'gpt-4o-mini'])
    expect(records.map((record) => [record.model, record.downgradedFrom, record.responseModel])).toEqual([
      ['gpt-4o-mini', 'gpt-4o', 'gpt-4o-mini'],
      ['gpt-4o-mini', 'gpt-4o', 'gpt-4o-mini'],
    ])
  })

  it('sends the requested model without modelFor, and the response model says so', async () => {
    const { finops, records } = engine(downgrading)
    await generateText({ model: wrapped(models.openai.responses('gpt-4o'), finops), prompt })
    await finops.flush()
    expect(provider.requests[0]?.body).toMatchObject({ model: 'gpt-4o' })
    expect(records[0]).toMatchObject({ model: 'gpt-4o-mini', downgradedFrom: 'gpt-4o', responseModel: 'gpt-4o' })
  })
})

describe('finopsMiddleware content capture', () => {
  const reply = 'Hello from the finops-ai fake provider: every word of this reply counts as exactly one token.'
  const input = JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: prompt }] }])

  it('records the prompt and the completion on the span when the engine captures content', async () => {
    const { finops } = engine([], true)
    const model = wrapped(models.anthropic('claude-haiku-4-5'), finops)
    await generateText({ model, prompt })
    await streamText({ model, prompt }).text
    await finops.flush()
    const spans = telemetry.genAiSpans()
    expect(spans.map((span) => span.attributes['gen_ai.input.messages'])).toEqual([input, input])
    const output = JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: reply }], finish_reason: 'end_turn' }])
    expect(spans.map((span) => span.attributes['gen_ai.output.messages'])).toEqual([output, output])
  })

  it('records no content by default', async () => {
    const { finops } = engine()
    await generateText({ model: wrapped(models.openai.chat('gpt-4o'), finops), prompt })
    await finops.flush()
    expect(Object.keys(telemetry.genAiSpans()[0]?.attributes ?? {}).filter((name) => name.includes('messages'))).toEqual([])
  })
})

describe('finopsMiddleware calls', () => {
  it('records each step of a tool-calling generateText as its own call', async () => {
    const { finops, records } = engine()
    const lookup = tool({ description: 'Looks up an order', inputSchema: z.object({ order: z.string() }), execute: async () => 'shipped' })
    const result = await generateText({ model: wrapped(models.openai.chat('gpt-4o'), finops), prompt, tools: { lookup }, stopWhen: stepCountIs(2) })
    await finops.flush()
    expect(result.steps).toHaveLength(2)
    expect(provider.requests).toHaveLength(2)
    expect(records.map((record) => record.status)).toEqual(['ok', 'ok'])
  })

  it('records each retry of a failed request as its own call', async () => {
    const { finops, records } = engine()
    provider.failNext({ status: 500, retryAfter: 0.01 })
    await generateText({ model: wrapped(models.openai.chat('gpt-4o'), finops), prompt, maxRetries: 1 })
    await finops.flush()
    expect(provider.requests).toHaveLength(2)
    expect(records.map((record) => record.status)).toEqual(['error', 'ok'])
  })

  it('never breaks the host call: an unreadable call is sent unobserved, an unreadable result settles an estimate', async () => {
    const { finops, records } = engine()
    const wrapGenerate = finopsMiddleware({ finops }).wrapGenerate!
    const malformed = { content: undefined, usage: undefined } as unknown as GenerateResult
    const call = (provider: unknown) =>
      ({
        doGenerate: async () => malformed,
        doStream: async () => ({ stream: new ReadableStream() }),
        params: { prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }] },
        model: { provider, modelId: 'gpt-4o' },
      }) as unknown as WrapGenerateOptions
    expect(await wrapGenerate(call(undefined))).toBe(malformed)
    expect(await wrapGenerate(call('openai.chat'))).toBe(malformed)
    await finops.flush()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ status: 'ok', estimated: true, usage: { inputTokens: 10, outputTokens: 0 } })
  })

  it('names legacy completions text_completion', async () => {
    const { finops, records } = engine()
    await generateText({ model: wrapped(models.openai.completion('gpt-3.5-turbo-instruct'), finops), prompt })
    await finops.flush()
    // The AI SDK sends the prompt as 'user:\n<prompt>\n\nassistant:\n': 10 words.
    expect(records[0]).toMatchObject({ provider: 'openai', operation: 'text_completion', usage: { inputTokens: 10, outputTokens: 16 } })
  })
})
