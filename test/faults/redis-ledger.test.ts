// The same faults through the asynchronous admission path: the engine on the Redis store (a real
// redis-server started by the test), so every call is reserved before it is sent.
import { createFinOps, type FinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { redisStore } from '@finops-ai/redis'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { SpanStatusCode } from '@opentelemetry/api'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '@finops-ai/redis/testing'
import { connectTestClient } from '../../packages/redis/src/redis-test-client.js'
import { caught, drain, ledgerPolicy, LEDGER_POLICY, messages, recordedNanos } from './fault-harness.js'

const skip = redisServerSkipReason()
type Redis = Awaited<ReturnType<typeof connectTestClient>>

describe.skipIf(skip !== undefined)('faults with the Redis store', () => {
  let server: RedisServerProcess
  let client: Redis
  let provider: FakeProvider
  let prefix = 0
  beforeAll(async () => {
    ;[server, provider] = await Promise.all([startRedisServer(), fakeProvider()])
    client = await connectTestClient(server.port)
  })
  afterAll(async () => {
    client.disconnect()
    await Promise.all([server.stop(), provider.close()])
  })
  afterEach(() => provider.reset())

  function rig() {
    const exporter = new InMemorySpanExporter()
    const records: UsageRecord[] = []
    const store = redisStore({ client, prefix: `faults-${++prefix}`, timeoutMs: 1_000 })
    const finops: FinOps = createFinOps({
      store,
      policies: [ledgerPolicy],
      tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
      onUsage: (record) => void records.push(record),
    })
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 }), { finops })
    const balanced = async () => {
      await finops.flush()
      const spend = await finops.spend({ policy: LEDGER_POLICY })
      expect(spend.reserved).toBe(0)
      expect(Math.round(spend.spent * 1e9)).toBe(recordedNanos(records))
      const [concurrency] = await store.read({ counters: [{ kind: 'concurrency', key: `${LEDGER_POLICY}:concurrent` }] })
      expect(concurrency).toEqual({ kind: 'concurrency', inFlight: 0 })
    }
    return { finops, openai, exporter, records, balanced }
  }

  it('streams cut at every chunk position balance the ledger and end their spans', async () => {
    const { openai, exporter, records, balanced } = rig()
    for (let position = 0; position <= 20; position++) {
      provider.cutNextStream({ afterChunks: position })
      const result = await drain(await openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))
      await balanced()
      const span = exporter.getFinishedSpans()[position]!
      expect(span.status.code).toBe(result.error === undefined ? SpanStatusCode.UNSET : SpanStatusCode.ERROR)
    }
    expect(records).toHaveLength(21)
  })

  it('provider errors, timeouts, aborts before and during the call, and early breaks balance the ledger', async () => {
    const { openai, exporter, records, balanced } = rig()
    provider.failNext({ status: 429 })
    expect(await caught(() => openai.chat.completions.create({ model: 'gpt-4o', messages }))).toBeInstanceOf(OpenAI.RateLimitError)
    provider.failNext({ status: 500 })
    expect(await caught(() => openai.chat.completions.create({ model: 'gpt-4o', messages }))).toBeInstanceOf(OpenAI.InternalServerError)

    const aborted = new AbortController()
    aborted.abort()
    expect(await caught(() => openai.chat.completions.create({ model: 'gpt-4o', messages }, { signal: aborted.signal }))).toBeInstanceOf(OpenAI.APIUserAbortError)

    provider.setLatency(300)
    expect(await caught(() => openai.chat.completions.create({ model: 'gpt-4o', messages }, { timeout: 50 }))).toBeInstanceOf(OpenAI.APIConnectionTimeoutError)
    const during = new AbortController()
    const pending = caught(() => openai.chat.completions.create({ model: 'gpt-4o', messages }, { signal: during.signal }))
    setTimeout(() => during.abort(), 30)
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError)
    provider.setLatency(0)

    const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    for await (const chunk of stream) {
      void chunk
      break
    }
    await openai.chat.completions.create({ model: 'gpt-4o', messages })
    await balanced()
    expect(records.map((record) => record.status)).toEqual(['error', 'error', 'error', 'error', 'error', 'ok', 'ok'])
    expect(exporter.getFinishedSpans()).toHaveLength(7)
  })
})
