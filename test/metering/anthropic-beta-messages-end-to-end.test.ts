// Beta messages stay metered: the real `@anthropic-ai/sdk` client over HTTP against fakeProvider(),
// the real engine and the real OTel SDK. Each call gives one GenAI span and one usage record whose
// cost is the published price.
//
// Prices: Anthropic pricing, https://platform.claude.com/docs/en/about-claude/pricing (as published
// 2025-10, when Claude Haiku 4.5 was released): claude-haiku-4-5 $1 / 1M input
// tokens, $5 / 1M output tokens, so 1 000 and 5 000 nano-USD per token.
import Anthropic from '@anthropic-ai/sdk'
import { withFinOps } from '@finops-ai/anthropic'
import { createFinOps, type FinOps, type UsageRecord } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

const exporter = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
let provider: FakeProvider
let finops: FinOps
let records: UsageRecord[]
let anthropic: Anthropic

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  records = []
  finops = createFinOps({ tracerProvider, onUsage: (record) => void records.push(record) })
  anthropic = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' }), { finops, attribution: { team: 'beta' } })
})
afterEach(() => {
  exporter.reset()
  provider.reset()
})

async function onlyCall(): Promise<{ span: ReadableSpan; record: UsageRecord }> {
  await finops.flush()
  const spans = exporter.getFinishedSpans()
  expect(spans).toHaveLength(1)
  expect(records).toHaveLength(1)
  return { span: spans[0] as ReadableSpan, record: records[0] as UsageRecord }
}

const messages = [{ role: 'user' as const, content: 'one two three four' }]
// 4 input tokens × 1 000 + 16 output tokens × 5 000
const cost = 4 * 1_000 + 16 * 5_000

describe('beta messages', () => {
  it('beta.messages.create', async () => {
    await anthropic.beta.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages, betas: ['context-management-2025-06-27'] })
    const { span, record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(cost)
    expect(span.attributes).toMatchObject({ 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'anthropic', 'team.name': 'beta' })
  })

  it('beta.messages.stream', async () => {
    const message = await anthropic.beta.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 64, messages }).finalMessage()
    expect(message.usage.output_tokens).toBe(16)
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(cost)
  })

  it('beta.messages.parse', async () => {
    await anthropic.beta.messages.parse({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(cost)
  })
})
