// GenAI semantic-convention conformance of what the OpenAI adapter emits, with the real `openai`
// client over HTTP against fakeProvider() and the real OTel SDK recording in memory.
import { createFinOps, type FinOps } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider, type TelemetryCapture } from '@finops-ai/testing'
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs'
import type { DataPoint, Histogram, MetricData } from '@opentelemetry/sdk-metrics'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
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
  vi.unstubAllEnvs()
})

/** Every metric recorded so far, by name. */
async function metricsByName(): Promise<Map<string, MetricData>> {
  const byName = new Map<string, MetricData>()
  for (const resource of await telemetry.metrics()) {
    for (const scope of resource.scopeMetrics) for (const metric of scope.metrics) byName.set(metric.descriptor.name, metric)
  }
  return byName
}

/** A client over a fresh engine created with `options` (and the environment as stubbed). */
function clientWith(options: Parameters<typeof createFinOps>[0] = {}): { engine: FinOps; client: OpenAI } {
  const engine = createFinOps({ tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider, ...options })
  return { engine, client: withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops: engine }) }
}

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

describe('latest mode, embeddings', () => {
  it('use the embeddings instruments, not gen_ai.client.inference.*', async () => {
    vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', 'gen_ai_latest_experimental')
    const { engine, client } = clientWith()
    await client.embeddings.create({ model: 'text-embedding-3-small', input: 'one two three' })
    await engine.flush()
    const names = [...(await metricsByName()).keys()]
    expect(names).toEqual(expect.arrayContaining(['gen_ai.client.embeddings.duration', 'gen_ai.client.embeddings.operation.input_tokens']))
    expect(names.filter((name) => name.startsWith('gen_ai.client.inference.') || name.startsWith('gen_ai.client.operation.'))).toEqual([])
  })

  it('leave chat on the inference instruments', async () => {
    vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', 'gen_ai_latest_experimental')
    const { engine, client } = clientWith()
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
    await engine.flush()
    const names = [...(await metricsByName()).keys()]
    expect(names).toEqual(expect.arrayContaining(['gen_ai.client.inference.duration', 'gen_ai.client.inference.operation.input_tokens']))
    expect(names.filter((name) => name.startsWith('gen_ai.client.embeddings.'))).toEqual([])
  })
})

describe('gen_ai.output.type', () => {
  it('is json for JSON response formats, text for plain chat, image for images and speech for speech', async () => {
    const messages = [{ role: 'user' as const, content: 'hi' }]
    await openai.chat.completions.create({ model: 'gpt-4o-mini', messages })
    await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, response_format: { type: 'json_object' } })
    const schema = { type: 'json_schema' as const, name: 'answer', schema: { type: 'object', properties: {} } }
    await openai.responses.create({ model: 'gpt-4.1', input: 'hi', text: { format: schema } })
    await openai.images.generate({ model: 'gpt-image-1', prompt: 'an otter' })
    await (await openai.audio.speech.create({ model: 'gpt-4o-mini-tts', input: 'hello', voice: 'alloy' })).arrayBuffer()
    await finops.flush()
    expect(telemetry.genAiSpans().map((span) => span.attributes['gen_ai.output.type'])).toEqual(['text', 'json', 'json', 'image', 'speech'])
  })
})

describe('OpenAI-specific attributes', () => {
  it('carry the API type, system fingerprint and service tier on spans, and the service tier on metrics', async () => {
    await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], service_tier: 'flex' })
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true })
    for await (const chunk of stream) expect(chunk).toBeDefined()
    await openai.responses.create({ model: 'gpt-4.1', input: 'hi' })
    await finops.flush()
    const [chat, streamed, responses] = telemetry.genAiSpans()
    expect(chat?.attributes).toMatchObject({
      'openai.api.type': 'chat_completions',
      'openai.response.system_fingerprint': 'fp_fake',
      'openai.response.service_tier': 'flex',
    })
    expect(streamed?.attributes).toMatchObject({ 'openai.api.type': 'chat_completions', 'openai.response.system_fingerprint': 'fp_fake' })
    expect(responses?.attributes['openai.api.type']).toBe('responses')
    const duration = (await metricsByName()).get('gen_ai.client.operation.duration')
    const tiers = duration?.dataPoints.map((point) => point.attributes['openai.response.service_tier'])
    expect(tiers).toContain('flex')
    expect(duration?.dataPoints.every((point) => !('openai.response.system_fingerprint' in point.attributes))).toBe(true)
  })
})

describe('attribution attribute names', () => {
  const attribution = { user: 'k.herings', team: 'support', feature: 'support-rag', costCenter: 'CC-4711', run: 'r-1' }
  const namespaced = {
    'enduser.id': 'k.herings',
    'finops.attribution.team': 'support',
    'finops.attribution.feature': 'support-rag',
    'finops.attribution.cost_center': 'CC-4711',
    'finops.attribution.run': 'r-1',
  }

  async function attributedCall(client: OpenAI, engine: FinOps): Promise<void> {
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
    await engine.flush()
  }

  it('are the contract names by default', async () => {
    const { engine, client } = clientWith({ attribution: { defaults: attribution } })
    await attributedCall(client, engine)
    expect(telemetry.genAiSpans()[0]?.attributes).toMatchObject({ 'team.name': 'support', 'feature.name': 'support-rag', cost_center: 'CC-4711' })
  })

  it('are all under finops.attribution.* except enduser.id with attributeNames namespaced, on spans and metrics', async () => {
    const { engine, client } = clientWith({ attribution: { defaults: attribution }, attributeNames: 'namespaced' })
    await attributedCall(client, engine)
    const attributes = telemetry.genAiSpans()[0]?.attributes ?? {}
    expect(attributes).toMatchObject(namespaced)
    expect(Object.keys(attributes).filter((name) => ['team.name', 'feature.name', 'cost_center'].includes(name))).toEqual([])
    const [point] = (await metricsByName()).get('gen_ai.client.operation.duration')?.dataPoints ?? []
    expect(point?.attributes).toMatchObject({
      'finops.attribution.team': 'support',
      'finops.attribution.feature': 'support-rag',
      'finops.attribution.cost_center': 'CC-4711',
    })
    expect(point?.attributes).not.toHaveProperty('team.name')
    expect(point?.attributes).not.toHaveProperty('finops.attribution.run')
  })

  it('are namespaced with FINOPS_ATTRIBUTE_NAMES=namespaced', async () => {
    vi.stubEnv('FINOPS_ATTRIBUTE_NAMES', 'namespaced')
    const { engine, client } = clientWith({ attribution: { defaults: attribution } })
    await attributedCall(client, engine)
    expect(telemetry.genAiSpans()[0]?.attributes).toMatchObject(namespaced)
  })

  it('reject an unknown attributeNames value with a ConfigError naming the option', () => {
    expect(() => clientWith({ attributeNames: 'flat' as 'namespaced' })).toThrow(/attributeNames: must be one of default, namespaced/)
  })
})

describe('the exception event', () => {
  it('is a WARN log record gen_ai.client.operation.exception in the failed call span, which keeps its status and error.type', async () => {
    const exporter = new InMemoryLogRecordExporter()
    const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] })
    const { engine, client } = clientWith({ loggerProvider })
    provider.failNext({ status: 429 })
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow()
    await engine.flush()
    const [span] = telemetry.genAiSpans()
    expect(span?.status.code).toBe(2)
    expect(span?.attributes['error.type']).toBe('429')
    const [record] = exporter.getFinishedLogRecords()
    expect(record?.eventName).toBe('gen_ai.client.operation.exception')
    expect(record?.severityNumber).toBe(13)
    expect(record?.attributes).toMatchObject({ 'exception.type': 'RateLimitError', 'exception.message': expect.stringContaining('429') })
    expect(record?.spanContext?.spanId).toBe(span?.spanContext().spanId)
    expect(record?.spanContext?.traceId).toBe(span?.spanContext().traceId)
    await loggerProvider.shutdown()
  })

  it('is not emitted for a successful call', async () => {
    const exporter = new InMemoryLogRecordExporter()
    const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] })
    const { engine, client } = clientWith({ loggerProvider })
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
    await engine.flush()
    expect(exporter.getFinishedLogRecords()).toEqual([])
    await loggerProvider.shutdown()
  })
})
