import Anthropic from '@anthropic-ai/sdk'
import { createFinOps, withAttribution, type ResponseCacheStore, type UsageRecord } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider, type TelemetryCapture } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { withFinOps } from './with-finops.js'

const body = { model: 'claude-haiku-4-5', max_tokens: 256, temperature: 0, messages: [{ role: 'user' as const, content: 'Say hello to the team' }] }

let provider: FakeProvider
let telemetry: TelemetryCapture

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  telemetry = captureTelemetry({ global: false })
})
afterEach(async () => {
  await telemetry.shutdown()
  provider.reset()
})

function setup(store?: ResponseCacheStore) {
  const records: UsageRecord[] = []
  const finops = createFinOps({
    tracerProvider: telemetry.tracerProvider,
    meterProvider: telemetry.meterProvider,
    onUsage: (record) => void records.push(record),
    cache: { store },
  })
  const anthropic = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test', maxRetries: 0 }), { finops })
  return { finops, anthropic, records }
}

async function eventsOf(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const events: unknown[] = []
  for await (const event of stream) events.push(event)
  return events
}

describe('response cache with the anthropic client', () => {
  it('answers a second identical temperature-0 message from the cache without reaching the provider', async () => {
    const { finops, anthropic, records } = setup()
    const first = await anthropic.messages.create(body)
    await finops.flush()
    const second = await anthropic.messages.create(body)
    expect(provider.requests).toHaveLength(1)
    expect(second).toEqual(first)
    expect(records.map((record) => record.cacheHit === undefined)).toEqual([true, false])
    expect(records[1]?.cacheHit?.costAvoided).toEqual(records[0]?.cost)
    expect(records[1]?.cost?.amount).toBe(0)
  })

  it('replays a streamed message as a stream with the same events', async () => {
    const { finops, anthropic } = setup()
    const first = await eventsOf(await anthropic.messages.create({ ...body, stream: true }))
    await finops.flush()
    const second = await eventsOf(await anthropic.messages.create({ ...body, stream: true }))
    expect(provider.requests).toHaveLength(1)
    expect(second).toEqual(first)
    expect(first.map((event) => (event as { type: string }).type)).toContain('message_delta')
  })

  it('answers messages.stream() from a cached stream, finalMessage() included', async () => {
    const { finops, anthropic } = setup()
    const first = await anthropic.messages.stream(body).finalMessage()
    await finops.flush()
    const second = await anthropic.messages.stream(body).finalMessage()
    expect(provider.requests).toHaveLength(1)
    expect(second).toEqual(first)
    const [miss, hit] = telemetry.genAiSpans()
    expect(miss?.attributes['finops.cache.hit']).toBe(false)
    expect(hit?.attributes).toMatchObject({
      'finops.cache.hit': true,
      'finops.cost.amount': 0,
      'finops.cost.avoided': miss?.attributes['finops.cost.amount'],
      'finops.usage.output_tokens': miss?.attributes['gen_ai.usage.output_tokens'],
    })
  })

  it('shares nothing between two users by default', async () => {
    const { finops, anthropic } = setup()
    await withAttribution({ user: 'a' }, () => anthropic.messages.create(body))
    await finops.flush()
    await withAttribution({ user: 'b' }, () => anthropic.messages.create(body))
    await withAttribution({ user: 'a' }, () => anthropic.messages.create(body))
    expect(provider.requests).toHaveLength(2)
  })
})
