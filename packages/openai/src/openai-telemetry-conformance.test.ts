// GenAI semantic-convention conformance of what the OpenAI adapter emits, with the real `openai`
// client over HTTP against fakeProvider() and the real OTel SDK recording in memory.
import { createFinOps, type FinOps } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider, type TelemetryCapture } from '@finops-ai/testing'
import type { DataPoint, Histogram } from '@opentelemetry/sdk-metrics'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { withFinOps } from './with-finops.js'

let provider: FakeProvider
let telemetry: TelemetryCapture
let finops: FinOps
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  telemetry = captureTelemetry({ global: false })
  finops = createFinOps({ tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider })
  openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops })
})
afterEach(async () => {
  await telemetry.shutdown()
  provider.reset()
})

/** The token types recorded in `gen_ai.client.token.usage`, with their summed values. */
async function tokenUsagePoints(): Promise<Record<string, number>> {
  const points: Record<string, number> = {}
  for (const resource of await telemetry.metrics()) {
    for (const scope of resource.scopeMetrics) {
      for (const metric of scope.metrics) {
        if (metric.descriptor.name !== 'gen_ai.client.token.usage') continue
        for (const point of metric.dataPoints as DataPoint<Histogram>[]) {
          const type = String(point.attributes['gen_ai.token.type'])
          points[type] = (points[type] ?? 0) + point.value.sum!
        }
      }
    }
  }
  return points
}

describe('embeddings', () => {
  it('carry the dimension count and encoding formats, and no max_tokens or output tokens anywhere', async () => {
    await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'one two three', dimensions: 256, encoding_format: 'float' })
    await finops.flush()
    const [span] = telemetry.genAiSpans()
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.embeddings.dimension.count': 256,
      'gen_ai.request.encoding_formats': ['float'],
    })
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0)
    expect(span?.attributes).not.toHaveProperty('gen_ai.request.max_tokens')
    expect(span?.attributes).not.toHaveProperty('gen_ai.usage.output_tokens')
    expect(Object.keys(await tokenUsagePoints())).toEqual(['input'])
  })
})

describe('estimated usage', () => {
  it('of a cut stream stays out of gen_ai.usage.* and the token metric, and is kept under finops.usage.*', async () => {
    provider.cutNextStream({ afterChunks: 3 })
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi there' }], stream: true })
    await expect(async () => {
      for await (const chunk of stream) expect(chunk).toBeDefined()
    }).rejects.toThrow()
    await finops.flush()
    const [span] = telemetry.genAiSpans()
    expect(span?.attributes).toMatchObject({ 'finops.usage.estimated': true })
    expect(span?.attributes['finops.usage.input_tokens']).toBeGreaterThan(0)
    expect(Object.keys(span?.attributes ?? {}).filter((name) => name.startsWith('gen_ai.usage.'))).toEqual([])
    expect(await tokenUsagePoints()).toEqual({})
  })
})

describe('Responses finish reasons', () => {
  it('are the conventions values: stop, length and tool_call', async () => {
    await openai.responses.create({ model: 'gpt-4.1', input: 'Hello' })
    await openai.responses.create({ model: 'gpt-4.1', input: 'Hello', max_output_tokens: 3 })
    const tools = [{ type: 'function' as const, name: 'lookup', parameters: { type: 'object', properties: {} }, strict: false }]
    await openai.responses.create({ model: 'gpt-4.1', input: 'Find it', tools })
    await finops.flush()
    expect(telemetry.genAiSpans().map((span) => span.attributes['gen_ai.response.finish_reasons'])).toEqual([['stop'], ['length'], ['tool_call']])
  })
})

describe('a cut stream', () => {
  it('ends with finish reason error and error.type', async () => {
    provider.cutNextStream({ afterChunks: 3 })
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi there' }], stream: true })
    await expect(async () => {
      for await (const chunk of stream) expect(chunk).toBeDefined()
    }).rejects.toThrow()
    await finops.flush()
    const [span] = telemetry.genAiSpans()
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['error'])
    expect(span?.attributes['error.type']).toEqual(expect.any(String))
  })
})
