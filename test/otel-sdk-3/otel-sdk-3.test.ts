// The OpenTelemetry JS SDK is split in two generations: 2.x (api < 1.10) and 3.x (api 1.10). Core
// accepts `@opentelemetry/api` ^1.9.0 as a peer; this suite registers a 3.x SDK globally, as an
// application on the new generation does, and checks spans and metrics arrive through it.
import { createFinOps, withAttribution } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { context, metrics, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics'
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const spans = new InMemorySpanExporter()
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 })
let provider: FakeProvider

beforeAll(async () => {
  provider = await fakeProvider()
  trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] }))
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }))
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
})
afterAll(async () => {
  trace.disable()
  metrics.disable()
  context.disable()
  await provider.close()
})

describe('with the OpenTelemetry SDK 3.x registered globally', () => {
  it('records the GenAI span with cost and attribution, and the metrics', async () => {
    const finops = createFinOps()
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops, attribution: { team: 'search' } })
    const parent = trace.getTracer('app').startSpan('handle request')
    await context.with(trace.setSpan(context.active(), parent), () =>
      withAttribution({ feature: 'rank' }, () =>
        openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'one two three four' }] }),
      ),
    )
    parent.end()
    await finops.flush()

    const call = spans.getFinishedSpans().find((span) => span.name === 'chat gpt-4o')
    expect(call?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.usage.input_tokens': 4,
      'gen_ai.usage.output_tokens': 16,
      'team.name': 'search',
      'feature.name': 'rank',
      // gpt-4o: 4 × $2.50 + 16 × $10 per 1M tokens.
      'finops.cost.amount': 0.00017,
    })
    expect(call?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId)

    await reader.forceFlush()
    const names = metricExporter
      .getMetrics()
      .flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics.map((metric) => metric.descriptor.name)))
    expect(names).toEqual(expect.arrayContaining(['gen_ai.client.token.usage', 'gen_ai.client.operation.duration', 'finops.cost']))
  })
})
