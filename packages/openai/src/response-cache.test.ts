import {
  createFinOps,
  memoryResponseCache,
  MissingAttributionError,
  LimitExceededError,
  type Attribution,
  type FinOpsOptions,
  type ResponseCacheOptions,
  type ResponseCacheStore,
  type UsageRecord,
} from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider, type TelemetryCapture } from '@finops-ai/testing'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { withFinOps } from './with-finops.js'

const messages = [{ role: 'user' as const, content: 'What is the capital of France?' }]
const chat = { model: 'gpt-4o', messages, temperature: 0 }

let provider: FakeProvider
let telemetry: TelemetryCapture
let records: UsageRecord[]

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  telemetry = captureTelemetry({ global: false })
  records = []
})
afterEach(async () => {
  await telemetry.shutdown()
  provider.reset()
})

/** A wrapped client over a fresh engine with `cache` on. */
function setup(cache: ResponseCacheOptions = {}, options: FinOpsOptions = {}, attribution?: Attribution) {
  const finops = createFinOps({
    tracerProvider: telemetry.tracerProvider,
    meterProvider: telemetry.meterProvider,
    onUsage: (record) => void records.push(record),
    cache,
    ...options,
  })
  const client = (defaults: Attribution | undefined = attribution) =>
    withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops, attribution: defaults })
  return { finops, openai: client(), client }
}

/** A store that counts its calls, around `store`. */
function countingStore(store: ResponseCacheStore = memoryResponseCache()) {
  const counts = { get: 0, set: 0 }
  const counted: ResponseCacheStore = {
    get: (key) => (counts.get++, store.get(key)),
    set: (key, response, ttl) => (counts.set++, store.set(key, response, ttl)),
  }
  return { counts, store: counted }
}

/** A store answering through promises, as a remote one does. */
function asyncStore(store: ResponseCacheStore = memoryResponseCache()): ResponseCacheStore {
  return {
    get: async (key) => store.get(key),
    set: async (key, response, ttl) => store.set(key, response, ttl),
  }
}

async function chunksOf(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const chunks: unknown[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return chunks
}

describe('response cache with the openai client', () => {
  it('answers a second identical temperature-0 call from the cache without reaching the provider', async () => {
    const { finops, openai } = setup()
    const first = await openai.chat.completions.create(chat)
    await finops.flush()
    const second = await openai.chat.completions.create({ ...chat, messages: [...messages] })
    expect(provider.requests).toHaveLength(1)
    expect(second).toEqual(first)
  })

  it.each([
    ['synchronous', (store: ResponseCacheStore) => store],
    ['asynchronous', asyncStore],
  ])('keeps withResponse() and asResponse() working on a hit (%s store)', async (_, wrap) => {
    const { finops, openai } = setup({ store: wrap(memoryResponseCache()) })
    const first = await openai.chat.completions.create(chat)
    await finops.flush()
    const { data, response } = await openai.chat.completions.create(chat).withResponse()
    expect(data).toEqual(first)
    expect(response.status).toBe(200)
    const raw = await openai.chat.completions.create(chat).asResponse()
    expect(await raw.json()).toEqual(JSON.parse(JSON.stringify(first)))
    expect(provider.requests).toHaveLength(1)
  })

  it("replays a Responses call through the SDK's own transform (output_text)", async () => {
    const { finops, openai } = setup()
    const body = { model: 'gpt-4o', input: 'Say hi', temperature: 0 }
    const first = await openai.responses.create(body)
    await finops.flush()
    const second = await openai.responses.create(body)
    expect(provider.requests).toHaveLength(1)
    expect(second.output_text).toBe(first.output_text)
    expect(second.output_text.length).toBeGreaterThan(0)
  })

  it('replays a chat stream as a stream with the same chunks (usage chunk hidden again)', async () => {
    const { finops, openai } = setup()
    const streamed = { ...chat, stream: true as const }
    const first = await chunksOf(await openai.chat.completions.create(streamed))
    await finops.flush()
    const second = await chunksOf(await openai.chat.completions.create(streamed))
    expect(provider.requests).toHaveLength(1)
    expect(second).toEqual(first)
    expect(first.length).toBeGreaterThan(1)
    expect(second.every((chunk) => (chunk as { choices: unknown[] }).choices.length > 0)).toBe(true)
  })

  it('replays a stream that asked for usage itself, its usage chunk included, and the stream() helper', async () => {
    const { finops, openai } = setup()
    const streamed = { ...chat, stream: true as const, stream_options: { include_usage: true } }
    const first = await chunksOf(await openai.chat.completions.create(streamed))
    await finops.flush()
    const second = await chunksOf(await openai.chat.completions.create(streamed))
    expect(second).toEqual(first)
    expect((second.at(-1) as { usage?: unknown }).usage).toBeDefined()
    const helper = await openai.chat.completions.stream(streamed).finalChatCompletion()
    expect(helper.choices[0]?.message.content).toBe((await openai.chat.completions.create(chat)).choices[0]?.message.content)
    expect(provider.requests).toHaveLength(2)
  })

  it('never looks up nor stores a call that did not opt in', async () => {
    const { counts, store } = countingStore()
    const { finops, openai } = setup({ store })
    await openai.chat.completions.create({ model: 'gpt-4o', messages })
    await finops.flush()
    await openai.chat.completions.create({ model: 'gpt-4o', messages })
    await openai.chat.completions.create({ model: 'gpt-4o', messages, temperature: 0.2 })
    expect(provider.requests).toHaveLength(3)
    expect(counts).toEqual({ get: 0, set: 0 })
  })

  it('caches the calls a when predicate opts in, e.g. by feature', async () => {
    const { finops, client } = setup({ when: (call) => call.attribution.feature === 'faq' })
    const faq = client({ feature: 'faq' })
    const other = client({ feature: 'chat' })
    const body = { model: 'gpt-4o', messages }
    await faq.chat.completions.create(body)
    await other.chat.completions.create(body)
    await finops.flush()
    await faq.chat.completions.create(body)
    await other.chat.completions.create(body)
    expect(provider.requests).toHaveLength(3)
  })

  it('isolates every attribution value by default and shares within the isolateBy scope', async () => {
    const isolated = setup()
    await isolated.client({ team: 'a', user: 'u1' }).chat.completions.create(chat)
    await isolated.finops.flush()
    await isolated.client({ team: 'a', user: 'u2' }).chat.completions.create(chat)
    await isolated.client({ team: 'b', user: 'u1' }).chat.completions.create(chat)
    expect(provider.requests).toHaveLength(3)

    provider.reset()
    const shared = setup({ isolateBy: ['team'] })
    await shared.client({ team: 'a', user: 'u1' }).chat.completions.create(chat)
    await shared.finops.flush()
    await shared.client({ team: 'a', user: 'u2', feature: 'other' }).chat.completions.create(chat)
    expect(provider.requests).toHaveLength(1)
    await shared.client({ team: 'b', user: 'u1' }).chat.completions.create(chat)
    expect(provider.requests).toHaveLength(2)
  })

  it('keys on every parameter: another message, model or max_tokens reaches the provider', async () => {
    const { finops, openai } = setup()
    await openai.chat.completions.create(chat)
    await finops.flush()
    await openai.chat.completions.create({ ...chat, messages: [{ role: 'user', content: 'Another question' }] })
    await openai.chat.completions.create({ ...chat, model: 'gpt-4o-mini' })
    await openai.chat.completions.create({ ...chat, max_tokens: 10 })
    expect(provider.requests).toHaveLength(4)
  })

  it('keys on the request options that change the answer (headers, query), not on timeouts or retries', async () => {
    const { finops, openai } = setup()
    await openai.chat.completions.create(chat, { headers: { 'OpenAI-Beta': 'assistants=v2' } })
    await finops.flush()
    await openai.chat.completions.create(chat, { headers: { 'openai-beta': 'assistants=v2' }, timeout: 5_000, maxRetries: 1 })
    expect(provider.requests).toHaveLength(1)
    await openai.chat.completions.create(chat)
    await openai.chat.completions.create(chat, { headers: { 'OpenAI-Beta': 'responses=experimental' } })
    await openai.chat.completions.create(chat, { query: { variant: 'b' } })
    expect(provider.requests).toHaveLength(4)
  })

  it('expires a response after its ttl (engine clock)', async () => {
    let now = Date.parse('2026-12-03T10:00:00Z')
    const { finops, openai } = setup({ ttl: 60_000 }, { clock: () => now })
    await openai.chat.completions.create(chat)
    await finops.flush()
    now += 59_999
    await openai.chat.completions.create(chat)
    expect(provider.requests).toHaveLength(1)
    now += 1
    await openai.chat.completions.create(chat)
    expect(provider.requests).toHaveLength(2)
  })

  it('records a hit on its span and usage record: cost 0, the cost avoided, no token metrics', async () => {
    const { finops, openai } = setup()
    await openai.chat.completions.create(chat)
    await finops.flush()
    await openai.chat.completions.create(chat)
    await finops.flush()
    const [miss, hit] = telemetry.genAiSpans()
    expect(miss?.attributes).toMatchObject({ 'finops.cache.hit': false })
    expect(miss?.attributes['finops.cost.avoided']).toBeUndefined()
    const missCost = miss?.attributes['finops.cost.amount'] as number
    expect(missCost).toBeGreaterThan(0)
    expect(hit?.attributes).toMatchObject({
      'finops.cache.hit': true,
      'finops.cost.avoided': missCost,
      'finops.cost.amount': 0,
      'finops.usage.input_tokens': miss?.attributes['gen_ai.usage.input_tokens'],
      'finops.usage.output_tokens': miss?.attributes['gen_ai.usage.output_tokens'],
    })
    expect(hit?.attributes['gen_ai.usage.input_tokens']).toBeUndefined()

    const metrics = (await telemetry.metrics()).flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics))
    const points = (name: string) => metrics.filter((metric) => metric.descriptor.name === name).flatMap((metric) => metric.dataPoints as Array<{ value: unknown }>)
    expect(points('gen_ai.client.token.usage').map((point) => (point.value as { count: number }).count)).toEqual([1, 1])
    // The miss adds its cost to finops.cost; the hit adds nothing there and its avoided cost to finops.cache.cost_avoided.
    expect(points('finops.cost').map((point) => point.value)).toEqual([missCost])
    expect(points('finops.cache.cost_avoided').map((point) => point.value)).toEqual([missCost])

    expect(records).toHaveLength(2)
    expect(records[0]?.cacheHit).toBeUndefined()
    expect(records[1]).toMatchObject({ status: 'ok', usage: records[0]?.usage, cost: { amount: 0, usdNanos: 0 } })
    expect(records[1]?.cacheHit).toEqual({ costAvoided: records[0]?.cost })
  })

  it('enforces required attribution before any lookup', async () => {
    const { counts, store } = countingStore()
    const { openai } = setup({ store }, { attribution: { required: ['team'], onMissing: 'throw' } })
    await expect(openai.chat.completions.create(chat)).rejects.toBeInstanceOf(MissingAttributionError)
    expect(counts.get).toBe(0)
    expect(provider.requests).toHaveLength(0)
  })

  it('counts no rate limit for a hit: nothing is spent', async () => {
    const policies = [{ key: 'rpm', limits: { requests_per_minute: 1 } }]
    const { finops, openai } = setup({}, { policies })
    await openai.chat.completions.create(chat)
    await finops.flush()
    await openai.chat.completions.create(chat)
    await openai.chat.completions.create(chat)
    await expect(openai.chat.completions.create({ ...chat, max_tokens: 5 })).rejects.toBeInstanceOf(LimitExceededError)
    expect(provider.requests).toHaveLength(1)
  })

  it('never fails a call when the store throws or rejects', async () => {
    const throwing: ResponseCacheStore = {
      get: () => {
        throw new Error('store down')
      },
      set: () => {
        throw new Error('store down')
      },
    }
    const rejecting: ResponseCacheStore = { get: () => Promise.reject(new Error('down')), set: () => Promise.reject(new Error('down')) }
    for (const store of [throwing, rejecting]) {
      const { finops, openai } = setup({ store })
      await expect(openai.chat.completions.create(chat)).resolves.toMatchObject({ object: 'chat.completion' })
      await expect(openai.chat.completions.create(chat)).resolves.toMatchObject({ object: 'chat.completion' })
      await finops.flush()
    }
    expect(provider.requests).toHaveLength(4)
  })

  it('does not cache an error response', async () => {
    const { finops, openai } = setup()
    provider.failNext({ status: 500 })
    await expect(openai.chat.completions.create(chat)).rejects.toThrow()
    await finops.flush()
    await openai.chat.completions.create(chat)
    expect(provider.requests).toHaveLength(2)
  })

  it('does not cache a stream cut by the network', async () => {
    const { finops, openai } = setup()
    const streamed = { ...chat, stream: true as const }
    provider.cutNextStream({ afterChunks: 1 })
    await expect(chunksOf(await openai.chat.completions.create(streamed))).rejects.toThrow()
    await finops.flush()
    await chunksOf(await openai.chat.completions.create(streamed))
    await finops.flush()
    await chunksOf(await openai.chat.completions.create(streamed))
    expect(provider.requests).toHaveLength(2)
  })

  it('never caches the part of a stream the caller broke off', async () => {
    const { finops, openai } = setup()
    const streamed = { ...chat, stream: true as const }
    for await (const _ of await openai.chat.completions.create(streamed)) break
    await finops.flush()
    const second = (await chunksOf(await openai.chat.completions.create(streamed))) as Array<{ choices: Array<{ finish_reason: string | null }> }>
    // openai 7 aborts the body on `break`, so nothing is kept and the second call is sent; openai 5
    // lets the body arrive in full, and then the whole stream is kept and replayed to its last chunk.
    // Either way the second call gets the whole stream, never a cached part of it.
    expect(second.at(-1)?.choices[0]?.finish_reason).toBe('stop')
  })
})
