// Every `gen_ai.*`, `openai.*` and `anthropic.*` name finops-ai emits (span attributes, metric
// names, metric attributes, log event names) is one the conventions define: in default mode those
// of the pinned `@opentelemetry/semantic-conventions` (its incubating entry, the version core
// depends on), in latest mode those of the vendored semantic-conventions-genai snapshot. Real
// `openai` and `@anthropic-ai/sdk` clients call fakeProvider(); the real OTel SDK records.
import { createRequire } from 'node:module'
import Anthropic from '@anthropic-ai/sdk'
import { createFinOps, type FinOps } from '@finops-ai/core'
import { withFinOps as withAnthropicFinOps } from '@finops-ai/anthropic'
import { withFinOps } from '@finops-ai/openai'
import { captureTelemetry, fakeProvider, type FakeProvider, type TelemetryCapture } from '@finops-ai/testing'
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { LATEST_ATTRIBUTES, LATEST_EVENTS, LATEST_METRICS, PROPOSED_ATTRIBUTES } from './genai-latest-names.js'

const CONVENTION_PREFIXES = ['gen_ai.', 'openai.', 'anthropic.']

/** The names of the pinned @opentelemetry/semantic-conventions, resolved from core as it resolves them. */
async function pinnedNames(): Promise<{ attributes: Set<string>; metrics: Set<string>; events: Set<string> }> {
  const fromCore = createRequire(new URL('../../packages/core/package.json', import.meta.url))
  const incubating = (await import(fromCore.resolve('@opentelemetry/semantic-conventions/incubating'))) as Record<string, unknown>
  const names = { attributes: new Set<string>(), metrics: new Set<string>(), events: new Set<string>() }
  for (const [name, value] of Object.entries(incubating)) {
    if (typeof value !== 'string') continue
    if (name.startsWith('ATTR_')) names.attributes.add(value)
    else if (name.startsWith('METRIC_')) names.metrics.add(value)
    else if (name.startsWith('EVENT_')) names.events.add(value)
  }
  return names
}

interface Emitted {
  attributes: Set<string>
  metrics: Set<string>
  events: Set<string>
}

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
afterEach(() => {
  provider.reset()
  vi.unstubAllEnvs()
})

const isConventionName = (name: string) => CONVENTION_PREFIXES.some((prefix) => name.startsWith(prefix))

/** Runs one call of every operation (and a failing one) and collects the convention names emitted. */
async function emittedNames(): Promise<Emitted> {
  const telemetry: TelemetryCapture = captureTelemetry({ global: false })
  const exporter = new InMemoryLogRecordExporter()
  const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] })
  const finops: FinOps = createFinOps({ tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider, loggerProvider })
  const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops })
  const anthropic = withAnthropicFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test', maxRetries: 0 }), { finops })
  try {
    const messages = [{ role: 'user' as const, content: 'hello there' }]
    provider.setUsage({ cachedTokens: 4, reasoningTokens: 2, cacheWriteTokens: 3 })
    await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, service_tier: 'flex', temperature: 0.2, response_format: { type: 'json_object' } })
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true })
    for await (const chunk of stream) expect(chunk).toBeDefined()
    await openai.responses.create({ model: 'gpt-4.1', input: 'hello', max_output_tokens: 50 })
    await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'one two', dimensions: 64, encoding_format: 'float' })
    await openai.images.generate({ model: 'gpt-image-1', prompt: 'an otter' })
    await (await openai.audio.speech.create({ model: 'gpt-4o-mini-tts', input: 'hello', voice: 'alloy' })).arrayBuffer()
    await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    provider.failNext({ status: 500 })
    await expect(openai.chat.completions.create({ model: 'gpt-4o-mini', messages })).rejects.toThrow()
    await finops.flush()

    const emitted: Emitted = { attributes: new Set(), metrics: new Set(), events: new Set() }
    for (const span of telemetry.genAiSpans()) for (const name of Object.keys(span.attributes)) emitted.attributes.add(name)
    for (const resource of await telemetry.metrics()) {
      for (const scope of resource.scopeMetrics) {
        for (const metric of scope.metrics) {
          emitted.metrics.add(metric.descriptor.name)
          for (const point of metric.dataPoints) for (const name of Object.keys(point.attributes)) emitted.attributes.add(name)
        }
      }
    }
    for (const record of exporter.getFinishedLogRecords()) if (record.eventName !== undefined) emitted.events.add(record.eventName)
    return {
      attributes: new Set([...emitted.attributes].filter(isConventionName)),
      metrics: new Set([...emitted.metrics].filter(isConventionName)),
      events: new Set([...emitted.events].filter(isConventionName)),
    }
  } finally {
    await telemetry.shutdown()
    await loggerProvider.shutdown()
  }
}

const missing = (emitted: Set<string>, known: ReadonlySet<string>) => [...emitted].filter((name) => !known.has(name)).sort()

describe('convention names emitted', () => {
  it('in default mode are all in the pinned @opentelemetry/semantic-conventions', async () => {
    const pinned = await pinnedNames()
    const emitted = await emittedNames()
    // The run covers what it claims to: attributes of every kind, metrics and the exception event.
    expect([...emitted.attributes]).toEqual(expect.arrayContaining(['gen_ai.output.type', 'openai.api.type', 'gen_ai.embeddings.dimension.count']))
    expect([...emitted.metrics]).toEqual(expect.arrayContaining(['gen_ai.client.token.usage', 'gen_ai.client.operation.duration']))
    expect([...emitted.events]).toEqual(['gen_ai.client.operation.exception'])
    expect(missing(emitted.attributes, pinned.attributes)).toEqual([])
    expect(missing(emitted.metrics, pinned.metrics)).toEqual([])
    expect(missing(emitted.events, pinned.events)).toEqual([])
  })

  it('in latest mode are all in the vendored semantic-conventions-genai snapshot (cost attributes as documented proposals)', async () => {
    vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', 'gen_ai_latest_experimental')
    const emitted = await emittedNames()
    expect([...emitted.metrics]).toEqual(expect.arrayContaining(['gen_ai.client.inference.duration', 'gen_ai.client.embeddings.duration']))
    expect([...emitted.attributes]).toEqual(expect.arrayContaining(['gen_ai.token.modality', 'gen_ai.usage.cost.amount']))
    expect(missing(emitted.attributes, new Set([...LATEST_ATTRIBUTES, ...PROPOSED_ATTRIBUTES]))).toEqual([])
    expect(missing(emitted.metrics, LATEST_METRICS)).toEqual([])
    expect(missing(emitted.events, LATEST_EVENTS)).toEqual([])
  })
})
