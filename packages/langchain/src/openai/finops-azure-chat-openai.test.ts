// Real AzureChatOpenAI → the real `AzureOpenAI` client → HTTP → fakeProvider(), the real engine and
// the real OTel SDK (captureTelemetry).
import { ConfigError, createFinOps, LimitExceededError, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { tool } from '@langchain/core/tools'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { azureFakeEndpoint } from './azure-fake-endpoint.js'
import { finopsAzureChatOpenAI } from './finops-azure-chat-openai.js'

// gpt-4o-mini on Azure OpenAI, Microsoft's published global-deployment price
// (azure.microsoft.com/pricing/details/cognitive-services/openai-service, read 2026-12-02): $0.15 per
// 1M input tokens, $0.60 per 1M output tokens, i.e. 150 and 600 nano-USD per token.
const INPUT_NANOS = 150
const OUTPUT_NANOS = 600
// The fake provider counts one token per word: 8 input words, a 16-word reply.
const question = 'one two three four five six seven eight'
const exactCost = 8 * INPUT_NANOS + 16 * OUTPUT_NANOS

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

function model(finops: FinOps) {
  return finopsAzureChatOpenAI(
    { model: 'gpt-4o-mini', ...azureFakeEndpoint(provider, 'gpt-4o-mini') },
    { finops, attribution: { team: 'support' } },
  )
}

describe('finopsAzureChatOpenAI', () => {
  it('invoke, stream and a bound model: one record and one span each, as azure.ai.openai, with the exact cost', async () => {
    const finops = engine()
    const lookupOrder = tool(async ({ orderId }) => `order ${orderId} ships today`, {
      name: 'lookup_order',
      description: 'Looks an order up',
      schema: z.object({ orderId: z.string() }),
    })
    await withAttribution({ feature: 'triage' }, async () => {
      const chat = model(finops)
      await chat.invoke(question)
      for await (const chunk of await chat.stream(question)) void chunk
      const reply = await chat.bindTools([lookupOrder]).invoke('Where is order 42?')
      expect(reply.tool_calls?.[0]?.name).toBe('lookup_order')
    })
    await finops.flush()
    expect(provider.requests.map((request) => request.url)).toEqual(
      Array(3).fill('/v1/chat/completions?api-version=2024-10-21'),
    )
    expect(records).toHaveLength(3)
    expect(telemetry.genAiSpans()).toHaveLength(3)
    for (const record of records) {
      expect(record).toMatchObject({ provider: 'azure.ai.openai', status: 'ok', estimated: false, attribution: { team: 'support', feature: 'triage' } })
      expect(record.cost?.usdNanos).toBe(record.usage.inputTokens * INPUT_NANOS + record.usage.outputTokens * OUTPUT_NANOS)
    }
    expect(records.slice(0, 2).map((record) => [record.stream, record.cost?.usdNanos])).toEqual([
      [false, exactCost],
      [true, exactCost],
    ])
    for (const span of telemetry.genAiSpans()) expect(span.attributes['gen_ai.provider.name']).toBe('azure.ai.openai')
  })

  it('a denied call surfaces once with nothing sent, under the default maxRetries (6)', async () => {
    const finops = engine({ policies: [{ key: 'frozen', limits: { budget: { period: 'total', hard_limit_usd: 0 } } }] })
    const error = await model(finops).invoke(question).catch((caught: unknown) => caught)
    expect(LimitExceededError.isInstance(error)).toBe(true)
    await finops.flush()
    expect(provider.requests).toHaveLength(0)
    expect(records.map((record) => record.status)).toEqual(['denied'])
  })

  it('rejects invalid attribution when the model is built, naming the option', () => {
    const build = () => finopsAzureChatOpenAI({ azureOpenAIApiKey: 'test' }, { attribution: { team: { id: 7 } as unknown as string } })
    expect(build).toThrow(ConfigError)
    expect(build).toThrow('finopsAzureChatOpenAI.attribution.team: expected a string, a finite number or a boolean, got object')
  })
})
