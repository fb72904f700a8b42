// Real ChatAnthropic → the @anthropic-ai/sdk release it depends on (0.122) → HTTP → fakeProvider(),
// the real engine and the real OTel SDK (captureTelemetry).
import { ConfigError, createFinOps, isWrappedClient, LimitExceededError, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { ChatAnthropic, type ChatAnthropicInput } from '@langchain/anthropic'
import { tool } from '@langchain/core/tools'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { finopsChatAnthropic } from './finops-chat-anthropic.js'

// claude-haiku-4-5, Anthropic's published price (anthropic.com/pricing, read 2026-12-02): $1 per
// MTok input, $5 per MTok output, $0.10 per MTok cache reads, i.e. 1000, 5000 and 100 nano-USD per token.
const INPUT_NANOS = 1000
const OUTPUT_NANOS = 5000
const CACHE_READ_NANOS = 100
// The fake provider counts one token per word: 8 input words, a 16-word reply.
const question = 'one two three four five six seven eight'
const exactCost = { usdNanos: 8 * INPUT_NANOS + 16 * OUTPUT_NANOS, amount: 0.000088 }

const lookupOrder = tool(async ({ orderId }) => `order ${orderId} ships today`, {
  name: 'lookup_order',
  description: 'Looks an order up',
  schema: z.object({ orderId: z.string() }),
})

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

function engine(options: Parameters<typeof createFinOps>[0] = {}): FinOps {
  records = []
  return createFinOps({ ...options, onUsage: (record) => void records.push(record) })
}

function model(finops: FinOps, fields: ChatAnthropicInput = {}) {
  return finopsChatAnthropic(
    { model: 'claude-haiku-4-5', apiKey: 'test', anthropicApiUrl: provider.anthropicBaseURL, ...fields },
    { finops, attribution: { team: 'support' } },
  )
}

/** Flushes the engine, then checks one record and one GenAI span per sent request, all with the scope's attribution. */
async function expectOneRecordAndSpanPerRequest(finops: FinOps, calls: number): Promise<void> {
  await finops.flush()
  expect(provider.requests).toHaveLength(calls)
  expect(records).toHaveLength(calls)
  expect(telemetry.genAiSpans()).toHaveLength(calls)
  for (const record of records) {
    expect(record).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5', status: 'ok', estimated: false })
    expect(record.attribution).toEqual({ team: 'support', feature: 'triage' })
    expect(record.cost?.usdNanos).toBe(record.usage.inputTokens * INPUT_NANOS + record.usage.outputTokens * OUTPUT_NANOS)
  }
  for (const span of telemetry.genAiSpans()) {
    expect(span.attributes).toMatchObject({ 'gen_ai.provider.name': 'anthropic', 'team.name': 'support', 'feature.name': 'triage' })
  }
}

describe('finopsChatAnthropic', () => {
  it('invoke: one usage record and one GenAI span with the attribution and the exact cost', async () => {
    const finops = engine()
    const reply = await withAttribution({ feature: 'triage' }, () => model(finops).invoke(question))
    expect(reply.content).toMatch(/^Hello from the finops-ai fake provider/)
    // Sent by the SDK release @langchain/anthropic depends on, outside @finops-ai/anthropic's 1.x dev version.
    expect(provider.requests[0]?.headers['x-stainless-package-version']).toBe('0.122.0')
    await expectOneRecordAndSpanPerRequest(finops, 1)
    expect(records[0]).toMatchObject({ operation: 'chat', stream: false, usage: { inputTokens: 8, outputTokens: 16 }, cost: exactCost })
    expect(telemetry.genAiSpans()[0]?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'claude-haiku-4-5',
      'gen_ai.usage.input_tokens': 8,
      'gen_ai.usage.output_tokens': 16,
      'finops.cost.amount': exactCost.amount,
    })
  })

  it('stream: one usage record and one GenAI span with the exact usage', async () => {
    const finops = engine()
    const words = await withAttribution({ feature: 'triage' }, async () => {
      let text = ''
      for await (const chunk of await model(finops).stream(question)) text += typeof chunk.content === 'string' ? chunk.content : ''
      return text.split(' ').length
    })
    expect(words).toBe(16)
    await expectOneRecordAndSpanPerRequest(finops, 1)
    expect(records[0]).toMatchObject({ stream: true, usage: { inputTokens: 8, outputTokens: 16 }, cost: exactCost })
  })

  it("answers a repeated temperature-0 invoke from the engine's response cache, recorded as a hit", async () => {
    const finops = engine({ cache: {} })
    const first = await model(finops, { temperature: 0 }).invoke(question)
    expect((await model(finops, { temperature: 0 }).invoke(question)).content).toEqual(first.content)
    expect(provider.requests).toHaveLength(1)
    await finops.flush()
    expect(records.map((record) => record.cacheHit !== undefined)).toEqual([false, true])
  })

  it('prices cache reads the 0.x SDK reports apart from input_tokens', async () => {
    const finops = engine()
    provider.setUsage({ cachedTokens: 6 })
    await withAttribution({ feature: 'triage' }, () => model(finops).invoke(question))
    await finops.flush()
    // 8 input tokens of which 6 read from the cache: 2 × 1000 + 6 × 100 + 16 × 5000 = 82,600 nano-USD.
    expect(records[0]).toMatchObject({
      usage: { inputTokens: 8, cacheReadTokens: 6 },
      cost: { usdNanos: 2 * INPUT_NANOS + 6 * CACHE_READ_NANOS + 16 * OUTPUT_NANOS },
    })
  })

  it('bindTools, withStructuredOutput and batch call through the wrapped client', async () => {
    const finops = engine()
    const triage = z.object({ urgent: z.boolean(), summary: z.string() })
    await withAttribution({ feature: 'triage' }, async () => {
      const chat = model(finops)
      const reply = await chat.bindTools([lookupOrder]).invoke('Where is order 42?')
      expect(reply.tool_calls?.[0]?.name).toBe('lookup_order')
      expect(triage.safeParse(await chat.withStructuredOutput(triage).invoke(question)).success).toBe(true)
      expect(await chat.batch([question, question])).toHaveLength(2)
    })
    await expectOneRecordAndSpanPerRequest(finops, 4)
  })

  it('covers beta calls (fields.betas), which LangChain sends through beta.messages', async () => {
    const finops = engine()
    await withAttribution({ feature: 'triage' }, () => model(finops, { betas: ['context-1m-2025-08-07'] }).invoke(question))
    expect(provider.requests[0]?.url).toBe('/v1/messages?beta=true')
    await expectOneRecordAndSpanPerRequest(finops, 1)
    expect(records[0]?.cost).toMatchObject(exactCost)
  })

  it('wraps a client from fields.createClient too', async () => {
    const finops = engine()
    const created: object[] = []
    const chat = model(finops, {
      createClient: (options) => {
        const client = new ChatAnthropic({ apiKey: 'test' }).createClient(options)
        expect(isWrappedClient(client)).toBe(false)
        created.push(client)
        return client
      },
    })
    await withAttribution({ feature: 'triage' }, () => chat.invoke(question))
    expect(created).toHaveLength(1)
    expect(created.every((client) => isWrappedClient(client))).toBe(true)
    await expectOneRecordAndSpanPerRequest(finops, 1)
  })

  it('a denied call surfaces once with nothing sent, under the default maxRetries (6), streamed or not', async () => {
    const finops = engine({ policies: [{ key: 'frozen', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }] })
    const chat = model(finops)
    const invoked = await chat.invoke(question).catch((caught: unknown) => caught)
    const streamed = await (async () => {
      for await (const chunk of await chat.stream(question)) void chunk
    })().catch((caught: unknown) => caught)
    expect(LimitExceededError.isInstance(invoked)).toBe(true)
    expect(LimitExceededError.isInstance(streamed)).toBe(true)
    await finops.flush()
    expect(provider.requests).toHaveLength(0)
    expect(records.map((record) => record.status)).toEqual(['denied', 'denied'])
    expect(telemetry.genAiSpans()).toHaveLength(2)
  })

  it('rejects invalid attribution when the model is built, naming the option', () => {
    const build = () => finopsChatAnthropic({ apiKey: 'test' }, { attribution: { team: { id: 7 } as unknown as string } })
    expect(build).toThrow(ConfigError)
    expect(build).toThrow('finopsChatAnthropic.attribution.team: expected a string, a finite number or a boolean, got object')
  })
})
