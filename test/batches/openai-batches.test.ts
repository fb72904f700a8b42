// OpenAI batches end to end: the real `openai` client over HTTP against fakeProvider(), the real
// engine (memory and Redis stores), and the real OTel SDK recording spans in memory.
import { createFinOps, withAttribution, type FinOps, type FinOpsOptions, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { redisStore } from '@finops-ai/redis'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '@finops-ai/redis/testing'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import OpenAI, { toFile } from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { connectTestClient } from '../../packages/redis/src/redis-test-client.js'

// gpt-4o-mini through the Batch API: $0.075 / 1M input tokens, $0.30 / 1M output tokens (half of
// $0.15 / $0.60). Source: https://developers.openai.com/api/docs/pricing (Batch column), read 2026-12-02.
// The fake provider counts one token per word: 4 + 3 input words, two 16-word replies.
// (7 × $0.075 + 32 × $0.30) / 1M = $0.000010125 = 10_125 nano-USD.
const batchCostNanos = 10_125
const teamBudget = { key: 'team-x', match: { team: 'x' }, limits: { budget: { period: 'monthly' as const, hard_limit_usd: 1 } } }

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => provider.reset())

interface Process {
  finops: FinOps
  openai: OpenAI
  records: UsageRecord[]
  exporter: InMemorySpanExporter
}

/** One application process: its engine, its wrapped client, what it recorded. */
function startProcess(options: FinOpsOptions = {}): Process {
  const exporter = new InMemorySpanExporter()
  const records: UsageRecord[] = []
  const finops = createFinOps({
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    onUsage: (record) => void records.push(record),
    policies: [teamBudget],
    ...options,
  })
  return { finops, openai: withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops }), records, exporter }
}

async function createNightlyBatch(openai: OpenAI) {
  const lines = [
    { custom_id: 'ticket-1', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Summarise this ticket please' }] } },
    { custom_id: 'ticket-2', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Classify this email' }] } },
  ]
  const file = await openai.files.create({ file: await toFile(Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n')), 'nightly.jsonl'), purpose: 'batch' })
  return openai.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' })
}

describe('OpenAI batches through a wrapped client', () => {
  it('records a finished batch once, at the batch price, attributed to the scope it was created in', async () => {
    const app = startProcess()
    const batch = await withAttribution({ team: 'x' }, () => createNightlyBatch(app.openai))
    provider.completeBatch(batch.id)
    await app.openai.batches.retrieve(batch.id)
    await app.openai.batches.retrieve(batch.id)
    await app.finops.flush()

    expect(app.records).toHaveLength(1)
    expect(app.records[0]).toMatchObject({
      provider: 'openai',
      operation: 'chat',
      model: 'gpt-4o-mini',
      serviceTier: 'batch',
      attribution: { team: 'x' },
      policyKeys: ['team-x'],
      usage: { inputTokens: 7, outputTokens: 32 },
      cost: { usdNanos: batchCostNanos },
    })
    expect((await app.finops.spend({ policy: 'team-x' })).spent).toBeCloseTo(batchCostNanos / 1e9, 12)
    const spans = app.exporter.getFinishedSpans()
    expect(spans.map((span) => span.name)).toEqual(['chat gpt-4o-mini'])
    expect(spans[0]?.attributes).toMatchObject({ 'team.name': 'x', 'gen_ai.usage.input_tokens': 7, 'gen_ai.usage.output_tokens': 32, 'finops.cost.amount': batchCostNanos / 1e9 })
  })

  it('attributes the batch after a restart from its metadata', async () => {
    const before = startProcess()
    const batch = await withAttribution({ team: 'x' }, () => createNightlyBatch(before.openai))
    provider.completeBatch(batch.id)
    const after = startProcess() // a new engine: nothing in memory about the batch
    await after.openai.batches.retrieve(batch.id)
    await after.finops.flush()
    expect(after.records).toMatchObject([{ attribution: { team: 'x' }, cost: { usdNanos: batchCostNanos } }])
  })

  it('charges the budget even beyond a hard limit: the money is spent', async () => {
    const app = startProcess({ policies: [{ ...teamBudget, limits: { budget: { period: 'monthly', hard_limit_usd: 0.000001 } } }] })
    const batch = await withAttribution({ team: 'x' }, () => createNightlyBatch(app.openai))
    provider.completeBatch(batch.id)
    await app.openai.batches.retrieve(batch.id)
    await app.finops.flush()
    const spend = await app.finops.spend({ policy: 'team-x' })
    expect(spend.spent).toBeCloseTo(batchCostNanos / 1e9, 12)
    expect(spend.remaining).toBeLessThan(0)
  })
})

describe.skipIf(redisServerSkipReason() !== undefined)('OpenAI batches read by two processes sharing Redis', () => {
  let server: RedisServerProcess
  let client: Awaited<ReturnType<typeof connectTestClient>>
  beforeAll(async () => {
    server = await startRedisServer()
    client = await connectTestClient(server.port)
  })
  afterAll(async () => {
    client.disconnect()
    await server.stop()
  })

  it('records and charges the batch once, whichever process reads it first', async () => {
    const store = () => redisStore({ client, prefix: 'batches-e2e', timeoutMs: 2_000 })
    const creator = startProcess({ store: store() })
    const poller = startProcess({ store: store() })
    const batch = await withAttribution({ team: 'x' }, () => createNightlyBatch(creator.openai))
    provider.completeBatch(batch.id)
    await poller.openai.batches.retrieve(batch.id)
    await poller.finops.flush()
    await creator.openai.batches.retrieve(batch.id)
    await creator.finops.flush()

    expect([...poller.records, ...creator.records]).toMatchObject([{ attribution: { team: 'x' }, cost: { usdNanos: batchCostNanos } }])
    expect((await creator.finops.spend({ policy: 'team-x' })).spent).toBeCloseTo(batchCostNanos / 1e9, 12)
  })
})
