// Real LangChain models → the real `openai` client → HTTP → fakeProvider(), the real engine and the
// real OTel SDK (captureTelemetry).
import { ConfigError, createFinOps, LimitExceededError, MissingAttributionError, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { tool } from '@langchain/core/tools'
import type { ChatOpenAIFields } from '@langchain/openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { finopsChatOpenAI } from './finops-chat-openai.js'

// gpt-4o-mini, OpenAI's published price (openai.com/api/pricing, read 2026-12-02): $0.15 per 1M
// input tokens, $0.60 per 1M output tokens, i.e. 150 and 600 nano-USD per token.
const INPUT_NANOS = 150
const OUTPUT_NANOS = 600
// The fake provider counts one token per word: 8 input words, a 16-word reply.
const question = 'one two three four five six seven eight'
const exactCost = { usdNanos: 8 * INPUT_NANOS + 16 * OUTPUT_NANOS, amount: 0.0000108 }

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

function model(finops: FinOps, fields: ChatOpenAIFields = {}) {
  return finopsChatOpenAI(
    { model: 'gpt-4o-mini', apiKey: 'test', configuration: { baseURL: provider.openaiBaseURL }, ...fields },
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
    expect(record).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', status: 'ok', estimated: false })
    expect(record.attribution).toEqual({ team: 'support', feature: 'triage' })
    expect(record.cost?.usdNanos).toBe(record.usage.inputTokens * INPUT_NANOS + record.usage.outputTokens * OUTPUT_NANOS)
  }
  for (const span of telemetry.genAiSpans()) {
    expect(span.attributes).toMatchObject({ 'gen_ai.provider.name': 'openai', 'team.name': 'support', 'feature.name': 'triage' })
  }
}

describe('finopsChatOpenAI', () => {
  it('invoke: one usage record and one GenAI span with the attribution and the exact cost', async () => {
    const finops = engine()
    const reply = await withAttribution({ feature: 'triage' }, () => model(finops).invoke(question))
    expect(reply.content).toMatch(/^Hello from the finops-ai fake provider/)
    await expectOneRecordAndSpanPerRequest(finops, 1)
    expect(records[0]).toMatchObject({ operation: 'chat', stream: false, usage: { inputTokens: 8, outputTokens: 16 }, cost: exactCost })
    expect(telemetry.genAiSpans()[0]?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 8,
      'gen_ai.usage.output_tokens': 16,
      'finops.cost.amount': exactCost.amount,
    })
  })

  it('stream: one usage record and one GenAI span with the exact usage LangChain asked for', async () => {
    const finops = engine()
    const words = await withAttribution({ feature: 'triage' }, async () => {
      let text = ''
      for await (const chunk of await model(finops).stream(question)) text += String(chunk.content)
      return text.split(' ').length
    })
    expect(words).toBe(16)
    await expectOneRecordAndSpanPerRequest(finops, 1)
    expect(records[0]).toMatchObject({ stream: true, usage: { inputTokens: 8, outputTokens: 16 }, cost: exactCost })
    expect(telemetry.genAiSpans()[0]?.attributes['finops.usage.estimated']).toBeUndefined()
  })

  it('bindTools: the bound model calls through the wrapped client', async () => {
    const finops = engine()
    const reply = await withAttribution({ feature: 'triage' }, () => model(finops).bindTools([lookupOrder]).invoke('Where is order 42?'))
    expect(reply.tool_calls?.[0]?.name).toBe('lookup_order')
    await expectOneRecordAndSpanPerRequest(finops, 1)
  })

  it('withStructuredOutput: the structured model calls through the wrapped client', async () => {
    const finops = engine()
    const triage = z.object({ urgent: z.boolean(), summary: z.string() })
    const answer = await withAttribution({ feature: 'triage' }, () => model(finops).withStructuredOutput(triage).invoke(question))
    expect(triage.safeParse(answer).success).toBe(true)
    await expectOneRecordAndSpanPerRequest(finops, 1)
  })

  it('batch: one usage record and one span per input', async () => {
    const finops = engine()
    const replies = await withAttribution({ feature: 'triage' }, () => model(finops).batch([question, question, question]))
    expect(replies).toHaveLength(3)
    await expectOneRecordAndSpanPerRequest(finops, 3)
    expect(records.map((record) => record.cost?.usdNanos)).toEqual([exactCost.usdNanos, exactCost.usdNanos, exactCost.usdNanos])
  })

  it('the Responses API, invoked and streamed, goes through the wrapped client too', async () => {
    const finops = engine()
    const responses = model(finops, { useResponsesApi: true })
    await withAttribution({ feature: 'triage' }, async () => {
      await responses.invoke(question)
      for await (const chunk of await responses.stream(question)) void chunk
    })
    await expectOneRecordAndSpanPerRequest(finops, 2)
    expect(provider.requests.map((request) => request.path)).toEqual(['/v1/responses', '/v1/responses'])
    expect(records.map((record) => record.cost?.usdNanos)).toEqual([exactCost.usdNanos, exactCost.usdNanos])
  })

  describe('a denied call surfaces once, with nothing sent, under the default maxRetries (6)', () => {
    const overBudget = { policies: [{ key: 'frozen', limits: { budget: { period: 'total' as const, hard_limit_usd: 0 } } }] }

    it('LimitExceededError from invoke, stream, a bound and a structured model', async () => {
      const finops = engine(overBudget)
      const chat = model(finops)
      const attempts: Array<() => Promise<unknown>> = [
        () => chat.invoke(question),
        async () => {
          for await (const chunk of await chat.stream(question)) void chunk
        },
        () => chat.bindTools([lookupOrder]).invoke(question),
        () => chat.withStructuredOutput(z.object({ urgent: z.boolean() })).invoke(question),
      ]
      for (const attempt of attempts) {
        const error = await withAttribution({ feature: 'triage' }, attempt).then(
          () => undefined,
          (caught: unknown) => caught,
        )
        expect(LimitExceededError.isInstance(error)).toBe(true)
      }
      await finops.flush()
      expect(provider.requests).toHaveLength(0)
      expect(records.map((record) => record.status)).toEqual(['denied', 'denied', 'denied', 'denied'])
      expect(telemetry.genAiSpans()).toHaveLength(4)
    })

    it('MissingAttributionError', async () => {
      const finops = engine({ attribution: { required: ['feature'], onMissing: 'throw' } })
      const error = await model(finops).invoke(question).catch((caught: unknown) => caught)
      expect(MissingAttributionError.isInstance(error)).toBe(true)
      await finops.flush()
      expect(provider.requests).toHaveLength(0)
      expect(telemetry.genAiSpans().map((span) => span.attributes['error.type'])).toEqual(['MissingAttributionError'])
    })

    it('with a custom onFailedAttempt that would retry everything', async () => {
      const finops = engine(overBudget)
      const seen: unknown[] = []
      const chat = model(finops, { onFailedAttempt: (error: unknown) => void seen.push(error) })
      const error = await chat.invoke(question).catch((caught: unknown) => caught)
      expect(LimitExceededError.isInstance(error)).toBe(true)
      expect(seen).toEqual([])
      await finops.flush()
      expect(provider.requests).toHaveLength(0)
      expect(records).toHaveLength(1)
    })
  })

  it("answers a repeated temperature-0 invoke and stream from the engine's response cache, recorded as hits", async () => {
    const finops = engine({ cache: {} })
    const first = await model(finops, { temperature: 0 }).invoke(question)
    const second = await model(finops, { temperature: 0 }).invoke(question)
    expect(second.content).toBe(first.content)
    const streamed = async () => {
      let text = ''
      for await (const chunk of await model(finops, { temperature: 0, streaming: true }).stream(question)) text += chunk.content
      return text
    }
    expect(await streamed()).toBe(await streamed())
    expect(provider.requests).toHaveLength(2)
    await finops.flush()
    expect(records.map((record) => record.cacheHit !== undefined)).toEqual([false, true, false, true])
    expect(records[1]).toMatchObject({ cost: { usdNanos: 0 }, cacheHit: { costAvoided: exactCost } })
  })

  it('rejects invalid attribution when the model is built, naming the option', () => {
    const build = () => finopsChatOpenAI({ apiKey: 'test' }, { attribution: { team: { id: 7 } as unknown as string } })
    expect(build).toThrow(ConfigError)
    expect(build).toThrow('finopsChatOpenAI.attribution.team: expected a string, a finite number or a boolean, got object')
  })
})
