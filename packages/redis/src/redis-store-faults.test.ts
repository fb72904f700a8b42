import { callPathOf, createFinOps, LimitExceededError, type FinOpsEvent, type PolicyConfig } from '@finops-ai/core'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import type { Redis } from 'ioredis'
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'
import { RedisStoreError } from './redis-store-error.js'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'

const skip = redisServerSkipReason()
const timeoutMs = 100
// A call must end within its deadline, plus the time this process could not run at all on a busy
// machine (measured: twice the event loop's largest delay during the test, as a call waits on at
// most two timers), plus a small slack. A hang on Redis would take seconds.
const slackMs = 100

const policies: PolicyConfig[] = [{ key: 'team', limits: { requests_per_minute: 100_000, max_concurrent: 1_000, budget: { period: 'monthly', hard_limit_usd: 1_000 } } }]
const request = { provider: 'openai', operation: 'chat' as const, model: 'test-model', stream: false, maxOutputTokens: 10, estimatedInputTokens: 10 }
const usage = { inputTokens: 1_000, outputTokens: 0 } // $1 per 1M tokens: 1_000_000 nano-USD

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now()
  try {
    const value = await work()
    return { ms: performance.now() - started, value }
  } catch (error) {
    return { ms: performance.now() - started, error }
  }
}

describe.skipIf(skip !== undefined)('redis store under faults', () => {
  let server: RedisServerProcess
  let client: Redis
  let loopDelay: IntervalHistogram
  const inTime = (deadlineMs: number) => deadlineMs + slackMs + (2 * loopDelay.max) / 1e6
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  const exporter = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled)
    server = await startRedisServer()
  })
  beforeEach(async () => {
    client = await connectTestClient(server.port)
    exporter.reset()
    loopDelay = monitorEventLoopDelay({ resolution: 5 })
    loopDelay.enable()
  })
  afterEach(async () => {
    loopDelay.disable()
    server.resume()
    client.disconnect()
    await sleep(20)
  })
  afterAll(async () => {
    await server.stop()
    await sleep(50)
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
  })

  const engine = (onStoreError: 'fail-open' | 'fail-closed', events: FinOpsEvent[] = [], store = redisStore({ client, prefix: 'faults', timeoutMs })) =>
    createFinOps({ store, policies, prices: { 'test-model': { input: 1, output: 1 } }, onStoreError, tracerProvider, onEvent: (event) => void events.push(event) })

  it('rejects with a timeout RedisStoreError within timeoutMs when Redis stops answering', async () => {
    const store = redisStore({ client, prefix: 'faults', timeoutMs })
    server.pause()
    const reserve = await timed(() => store.reserve({ id: 'paused', counters: [{ kind: 'concurrency', key: 'c', limit: 1 }] }))
    const read = await timed(() => store.read({ counters: [{ kind: 'concurrency', key: 'c' }] }))
    const settle = await timed(() => store.settle({ id: 'paused', tokens: 0, costNanos: 0 }))
    for (const outcome of [reserve, read, settle]) {
      expect(outcome.error).toBeInstanceOf(RedisStoreError)
      expect(outcome.error).toMatchObject({ failure: 'timeout' })
      expect(outcome.ms).toBeLessThan(inTime(timeoutMs))
    }
    expect(reserve.error).toMatchObject({ operation: 'reserve' })
  })

  it('fail-open: lets calls through within timeoutMs, flagged degraded with a store_degraded event, and charges them once Redis answers', async () => {
    const events: FinOpsEvent[] = []
    const finops = engine('fail-open', events)
    server.pause()
    const begun = await timed(async () => callPathOf(finops).begin(request))
    expect(begun.ms).toBeLessThan(inTime(timeoutMs))
    server.resume()
    begun.value!.succeed({ usage })
    await finops.flush()
    const degraded = events.filter((event) => event.type === 'store_degraded')
    expect(degraded).toHaveLength(1)
    expect(degraded[0]).toMatchObject({ type: 'store_degraded', error: expect.any(RedisStoreError) as unknown })
    expect(exporter.getFinishedSpans()[0]?.attributes['finops.store.degraded']).toBe(true)
    // The reserve that timed out is cancelled; the call's actual cost is charged instead.
    await expect(finops.spend({ policy: 'team' })).resolves.toMatchObject({ spent: 0.001, reserved: 0 })
  })

  it('fail-closed: rejects calls within timeoutMs with a LimitExceededError', async () => {
    const events: FinOpsEvent[] = []
    const finops = engine('fail-closed', events)
    server.pause()
    const begun = await timed(async () => callPathOf(finops).begin(request))
    expect(begun.ms).toBeLessThan(inTime(timeoutMs))
    expect(begun.error).toBeInstanceOf(LimitExceededError)
    expect(begun.error).toMatchObject({ reason: 'store_unavailable' })
    expect(events.some((event) => event.type === 'store_degraded')).toBe(true)
  })

  it("applies the store's own onError when the engine sets no onStoreError", async () => {
    const finops = createFinOps({
      store: redisStore({ client, prefix: 'faults', timeoutMs, onError: 'fail-closed' }),
      policies,
      prices: { 'test-model': { input: 1, output: 1 } },
      tracerProvider,
    })
    server.pause()
    const begun = await timed(async () => callPathOf(finops).begin(request))
    expect(begun.error).toBeInstanceOf(LimitExceededError)
  })

  it('rejects invalid options naming the option', () => {
    expect(() => redisStore({ client, timeoutMs: 0 })).toThrow('redisStore.timeoutMs: expected a positive number of ms, got 0')
    expect(() => redisStore({ client, onError: 'open' as 'fail-open' })).toThrow("redisStore.onError: expected one of fail-open|fail-closed, got 'open'")
  })

  it('bounds calls by timeoutMs with the default ioredis options too (offline queue on)', async () => {
    const patient = await connectTestClient(server.port, { enableOfflineQueue: true, maxRetriesPerRequest: 20, autoResendUnfulfilledCommands: true })
    try {
      const finops = engine('fail-closed', [], redisStore({ client: patient, prefix: 'faults', timeoutMs }))
      await server.kill()
      const begun = await timed(async () => callPathOf(finops).begin(request))
      expect(begun.ms).toBeLessThan(inTime(timeoutMs))
      expect(begun.error).toBeInstanceOf(LimitExceededError)
    } finally {
      await server.restart()
      patient.disconnect()
    }
  })

  for (const mode of ['fail-open', 'fail-closed'] as const) {
    it(`${mode}: Redis killed mid-run and restarted — every call ends in time, accounting resumes`, async () => {
      const events: FinOpsEvent[] = []
      const finops = engine(mode, events, redisStore({ client, prefix: `midrun-${mode}`, timeoutMs }))
      const providerMs = 10
      const outcomes: { ms: number; error?: unknown; storeErrors: number }[] = []
      const storeErrors = () => events.filter((event) => event.type === 'store_degraded').length
      let running = true
      const caller = async () => {
        while (running) {
          const call = await timed(async () => {
            const handle = await callPathOf(finops).begin(request)
            await sleep(providerMs)
            handle.succeed({ usage })
          })
          outcomes.push({ ms: call.ms, error: call.error, storeErrors: storeErrors() })
          if (call.error !== undefined) await sleep(5)
        }
      }
      const callers = Array.from({ length: 8 }, caller)
      await sleep(300)
      await server.kill()
      await sleep(400)
      await server.restart()
      // ioredis reconnects on its own (backoff up to 2 s); the store needs no restart.
      const recoveredBy = Date.now() + 15_000
      let recovered = false
      while (!recovered && Date.now() < recoveredBy) {
        await sleep(100)
        const recent = outcomes.slice(-16)
        recovered = recent.length === 16 && recent.every((outcome) => outcome.error === undefined) && recent[0]!.storeErrors === storeErrors()
      }
      running = false
      await Promise.all(callers)
      await finops.flush()

      expect(recovered).toBe(true)
      expect(storeErrors()).toBeGreaterThan(0)
      // Reservation plus the provider's time, never a hang on Redis.
      for (const outcome of outcomes) expect(outcome.ms).toBeLessThan(inTime(timeoutMs + providerMs))
      const failed = outcomes.filter((outcome) => outcome.error !== undefined)
      if (mode === 'fail-open') expect(failed).toEqual([])
      else {
        expect(failed.length).toBeGreaterThan(0)
        for (const { error } of failed) expect(error).toMatchObject({ name: 'LimitExceededError', reason: 'store_unavailable', limit: 0 })
      }
      const spend = await finops.spend({ policy: 'team' })
      expect(spend.reserved).toBe(0)
      expect(spend.spent).toBeGreaterThan(0)
    }, 30_000)
  }
})
