import { describe, expect, it } from 'vitest'
import type { CallRequest } from '../call/call-request.js'
import { callPathOf } from '../engine/call-path-of.js'
import { createFinOps } from '../engine/create-finops.js'
import type { EstimateOptions } from '../engine/finops-options.js'
import { ConfigError } from '../errors/config-error.js'
import { memoryStore } from '../store/memory-store.js'
import type { Store } from '../store/store.js'
import { learnedOutputsOf } from './learned-outputs.js'

const chat = (overrides: Partial<CallRequest> = {}): CallRequest => ({
  provider: 'openai',
  operation: 'chat',
  model: 'gpt-4o',
  stream: false,
  maxOutputTokens: 4000,
  estimatedInputTokens: 100,
  ...overrides,
})

function learned(options: Omit<EstimateOptions, 'reserve'> = {}) {
  const table = learnedOutputsOf({ reserve: 'learned', ...options })
  if (table === undefined) throw new Error('reserve: learned must build a table')
  return table
}

describe('learned output reservations', () => {
  it('reserves nothing learned until the key has seen learnedMinSamples outputs', () => {
    const table = learned({ learnedMinSamples: 3 })
    table.observe(chat(), { feature: 'rag' }, 50)
    table.observe(chat(), { feature: 'rag' }, 60)
    expect(table.outputTokens(chat(), { feature: 'rag' })).toBeUndefined()
    table.observe(chat(), { feature: 'rag' }, 70)
    expect(table.outputTokens(chat(), { feature: 'rag' })).toBe(70)
  })

  it('reserves the learnedPercentile of the last learnedWindow outputs', () => {
    const table = learned({ learnedMinSamples: 10, learnedWindow: 100, learnedPercentile: 90 })
    for (let tokens = 1; tokens <= 300; tokens++) table.observe(chat(), { feature: 'rag' }, tokens)
    // The window holds 201..300; its 90th percentile is the 90th of them.
    expect(table.outputTokens(chat(), { feature: 'rag' })).toBe(290)
  })

  it("keeps the reservation between 1 and the call's max_tokens", () => {
    const table = learned({ learnedMinSamples: 1 })
    table.observe(chat(), { feature: 'long' }, 3000)
    table.observe(chat(), { feature: 'empty' }, 0)
    expect(table.outputTokens(chat({ maxOutputTokens: 500 }), { feature: 'long' })).toBe(500)
    expect(table.outputTokens(chat({ maxOutputTokens: undefined }), { feature: 'long' })).toBe(3000)
    expect(table.outputTokens(chat(), { feature: 'empty' })).toBe(1)
  })

  it('learns per feature, provider and model', () => {
    const table = learned({ learnedMinSamples: 1 })
    table.observe(chat(), { feature: 'rag', team: 'a' }, 100)
    expect(table.outputTokens(chat(), { feature: 'rag', team: 'b' })).toBe(100)
    expect(table.outputTokens(chat(), { feature: 'chat' })).toBeUndefined()
    expect(table.outputTokens(chat({ model: 'gpt-4o-mini' }), { feature: 'rag' })).toBeUndefined()
    expect(table.outputTokens(chat({ provider: 'azure.ai.openai' }), { feature: 'rag' })).toBeUndefined()
    table.observe(chat(), {}, 7)
    expect(table.outputTokens(chat(), {})).toBe(7)
  })

  it('forgets the least recently used key beyond learnedMaxKeys', () => {
    const table = learned({ learnedMinSamples: 1, learnedMaxKeys: 2 })
    table.observe(chat(), { feature: 'a' }, 10)
    table.observe(chat(), { feature: 'b' }, 20)
    table.observe(chat(), { feature: 'c' }, 30)
    expect(table.outputTokens(chat(), { feature: 'a' })).toBeUndefined()
    expect(table.outputTokens(chat(), { feature: 'c' })).toBe(30)
  })

  it('never learns or reserves output for embeddings', () => {
    const table = learned({ learnedMinSamples: 1 })
    table.observe(chat({ operation: 'embeddings' }), {}, 500)
    expect(table.outputTokens(chat({ operation: 'embeddings' }), {})).toBeUndefined()
    expect(table.outputTokens(chat(), {})).toBeUndefined()
  })

  it('builds no table for the other modes', () => {
    expect(learnedOutputsOf({})).toBeUndefined()
    expect(learnedOutputsOf({ reserve: 'expected', learnedPercentile: 500 })).toBeUndefined()
  })

  it('names every invalid option in one ConfigError', () => {
    const attempt = () => learnedOutputsOf({ reserve: 'learned', learnedPercentile: 0, learnedMinSamples: 2.5, learnedMaxKeys: -1 })
    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(
      'estimate.learnedPercentile: expected a number in (0, 100], got 0; estimate.learnedMinSamples: expected a positive integer, got 2.5; estimate.learnedMaxKeys: expected a positive integer, got -1',
    )
    expect(() => learnedOutputsOf({ reserve: 'learned', learnedMinSamples: 50, learnedWindow: 10 })).toThrow(
      'estimate.learnedWindow: must be at least learnedMinSamples (50), got 10',
    )
    expect(() => createFinOps({ estimate: { reserve: 'lerned' as 'learned' } })).toThrow(
      'estimate.reserve: expected one of max|expected|learned, got lerned',
    )
  })
})

describe("createFinOps({ estimate: { reserve: 'learned' } })", () => {
  // gpt-4o: $2.50 / 1M input, $10 / 1M output.
  const reservedUsd = (outputTokens: number) => (100 * 2.5 + outputTokens * 10) / 1e6

  function engine(store?: Store) {
    const finops = createFinOps({
      store,
      estimate: { reserve: 'learned', learnedMinSamples: 3 },
      policies: [{ key: 'budget', limits: { budget: { period: 'total', hard_limit_usd: 100 } } }],
    })
    const path = callPathOf(finops)
    const call = (attribution: { feature: string }, request: CallRequest = chat()) => {
      const handle = path.begin({ ...request, clientAttribution: attribution })
      if (handle instanceof Promise) throw new Error('the memory path must be synchronous')
      return handle
    }
    const reserved = async () => (await finops.spend({ policy: 'budget' })).reserved
    return { finops, call, reserved }
  }

  it("reserves max_tokens until enough calls completed, then the feature's learned percentile", async () => {
    const { call, reserved } = engine()
    for (const outputTokens of [100, 120, 110]) {
      const handle = call({ feature: 'rag' })
      expect(await reserved()).toBeCloseTo(reservedUsd(4000), 12)
      handle.succeed({ usage: { inputTokens: 100, outputTokens } })
    }
    const handle = call({ feature: 'rag' })
    expect(await reserved()).toBeCloseTo(reservedUsd(120), 12)
    handle.succeed({ usage: { inputTokens: 100, outputTokens: 90 } })
    call({ feature: 'other' })
    expect(await reserved()).toBeCloseTo(reservedUsd(4000), 12)
  })

  it('learns only from calls that completed with reported usage', async () => {
    const { call, reserved } = engine()
    for (let index = 0; index < 3; index++) call({ feature: 'rag' }).fail(new Error('provider down'), { usage: { inputTokens: 100, outputTokens: 5 } })
    for (let index = 0; index < 3; index++) call({ feature: 'rag' }).succeed({ usage: { inputTokens: 100, outputTokens: 5 }, estimated: true })
    call({ feature: 'rag' })
    expect(await reserved()).toBeCloseTo(reservedUsd(4000), 12)
  })

  it('learns from every engine sharing its store, 10 outputs at a time', async () => {
    const store = memoryStore()
    const first = engine(store)
    const second = engine(store)
    for (let index = 1; index <= 9; index++) first.call({ feature: 'rag' }).succeed({ usage: { inputTokens: 100, outputTokens: index * 10 } })
    const unshared = second.call({ feature: 'rag' })
    expect(await second.reserved()).toBeCloseTo(reservedUsd(4000), 12)
    unshared.fail(new Error('cancelled'))
    // The 10th output is sent; an engine fetches a key's window at its first call of the key.
    first.call({ feature: 'rag' }).succeed({ usage: { inputTokens: 100, outputTokens: 100 } })
    const third = engine(store)
    third.call({ feature: 'rag' })
    expect(await third.reserved()).toBeCloseTo(reservedUsd(100), 12)
  })

  it('learns through an asynchronous store once the engine is flushed', async () => {
    const shared = memoryStore()
    const record = shared.recordOutputs!
    const asynchronous: Store = { ...shared, recordOutputs: async (request) => record(request) }
    const first = engine(asynchronous)
    for (let index = 1; index <= 10; index++) first.call({ feature: 'rag' }).succeed({ usage: { inputTokens: 100, outputTokens: index } })
    await first.finops.flush()
    const second = engine(asynchronous)
    second.call({ feature: 'rag' }).fail(new Error('cancelled'))
    await second.finops.flush()
    second.call({ feature: 'rag' })
    expect(await second.reserved()).toBeCloseTo(reservedUsd(10), 12)
  })

  it('keeps learning alone when sharing through the store fails', async () => {
    const failing: Store = { ...memoryStore(), recordOutputs: () => Promise.reject(new Error('store down')) }
    const { finops, call, reserved } = engine(failing)
    for (const outputTokens of [100, 120, 110]) call({ feature: 'rag' }).succeed({ usage: { inputTokens: 100, outputTokens } })
    await finops.flush()
    call({ feature: 'rag' })
    expect(await reserved()).toBeCloseTo(reservedUsd(120), 12)
  })
})
