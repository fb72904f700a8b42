// Anthropic message batches end to end: the real `@anthropic-ai/sdk` client over HTTP against
// fakeProvider(), the real engine, and the real OTel SDK recording spans in memory.
import Anthropic from '@anthropic-ai/sdk'
import { createFinOps, LimitExceededError, withAttribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/anthropic'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

// Claude Sonnet 4 through the Message Batches API: $1.50 / MTok input, $7.50 / MTok output (half
// of $3 / $15). Source: https://docs.anthropic.com/en/docs/build-with-claude/batch-processing
// (pricing table), read 2026-12-02. The fake provider counts one token per word; each reply is 16 words.
// 'Hello there': (2 × $1.50 + 16 × $7.50) / 1M = 123_000 nano-USD.
// 'Classify this email': (3 × $1.50 + 16 × $7.50) / 1M = 124_500 nano-USD.
const model = 'claude-sonnet-4-20250514'
const expectedNanos = { greeting: 123_000, triage: 124_500 }

let provider: FakeProvider
let finops: FinOps
let records: UsageRecord[]
let exporter: InMemorySpanExporter
let anthropic: Anthropic

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  provider.reset()
  records = []
  exporter = new InMemorySpanExporter()
  finops = createFinOps({
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    onUsage: (record) => void records.push(record),
    policies: [{ key: 'team-x', match: { team: 'x' }, limits: { budget: { period: 'monthly', hard_limit_usd: 1 } } }],
  })
  anthropic = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' }), { finops })
})

const requests = [
  { custom_id: 'greeting', params: { model, max_tokens: 100, messages: [{ role: 'user' as const, content: 'Hello there' }] } },
  { custom_id: 'triage', params: { model, max_tokens: 100, messages: [{ role: 'user' as const, content: 'Classify this email' }] } },
]

async function readResults(batchId: string): Promise<void> {
  for await (const result of await anthropic.messages.batches.results(batchId)) expect(result.result.type).toBe('succeeded')
}

describe('Anthropic message batches through a wrapped client', () => {
  it('records each succeeded result once, at the batch price, attributed to the scope the batch was created in', async () => {
    const batch = await withAttribution({ team: 'x' }, () => anthropic.messages.batches.create({ requests }))
    provider.completeBatch(batch.id)
    await readResults(batch.id)
    await readResults(batch.id)
    await finops.flush()

    expect(records.map((record) => [record.attribution.team, record.serviceTier, record.model, record.cost?.usdNanos])).toEqual([
      ['x', 'batch', model, expectedNanos.greeting],
      ['x', 'batch', model, expectedNanos.triage],
    ])
    expect((await finops.spend({ policy: 'team-x' })).spent).toBeCloseTo((expectedNanos.greeting + expectedNanos.triage) / 1e9, 12)
    const spans = exporter.getFinishedSpans()
    expect(spans.map((span) => [span.name, span.attributes['team.name'], span.attributes['gen_ai.usage.output_tokens']])).toEqual([
      [`chat ${model}`, 'x', 16],
      [`chat ${model}`, 'x', 16],
    ])
  })

  it('falls back to the attribution of the results call after a restart (batches carry no metadata)', async () => {
    const batch = await withAttribution({ team: 'x' }, () => anthropic.messages.batches.create({ requests }))
    provider.completeBatch(batch.id)
    finops = createFinOps({ onUsage: (record) => void records.push(record) }) // the restarted process
    anthropic = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' }), { finops })
    await withAttribution({ team: 'batch-reader' }, () => readResults(batch.id))
    await finops.flush()
    expect(records.map((record) => record.attribution.team)).toEqual(['batch-reader', 'batch-reader'])
  })

  it('stops a 10,000-request batch that a hard budget cannot pay, before anything is sent', async () => {
    // At most 10,000 × 1,024 output tokens × $7.50 / MTok ≈ $76.80 against the $1 budget of team x.
    const large = Array.from({ length: 10_000 }, (_, index) => ({ custom_id: `r${index}`, params: { model, max_tokens: 1_024, messages: [{ role: 'user' as const, content: 'Classify this email' }] } }))
    const create = withAttribution({ team: 'x' }, () => anthropic.messages.batches.create({ requests: large }))
    await expect(create).rejects.toMatchObject({ reason: 'budget', policy: 'team-x', limit: 1 })
    await expect(create).rejects.toBeInstanceOf(LimitExceededError)
    expect(provider.requests).toHaveLength(0)
  })
})
