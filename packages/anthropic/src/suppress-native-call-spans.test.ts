import Anthropic from '@anthropic-ai/sdk'
import { context, isSpanContextValid, propagation, trace, type TextMapPropagator } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { createFinOps } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { withFinOps } from './with-finops.js'

const messages = [{ role: 'user' as const, content: 'Say hello to the team' }]
const exporter = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })

/** A minimal W3C `traceparent` propagator (the SDK injects through the global one). */
const traceparent: TextMapPropagator = {
  inject(active, carrier, setter) {
    const span = trace.getSpanContext(active)
    if (span && isSpanContextValid(span)) setter.set(carrier, 'traceparent', `00-${span.traceId}-${span.spanId}-01`)
  },
  extract: (active) => active,
  fields: () => ['traceparent'],
}

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  trace.setGlobalTracerProvider(tracerProvider)
  propagation.setGlobalPropagator(traceparent)
})
afterEach(() => {
  provider.reset()
  exporter.reset()
})
afterAll(async () => {
  trace.disable()
  context.disable()
  propagation.disable()
  await provider.close()
})

const newClient = (options: Partial<ConstructorParameters<typeof Anthropic>[0]> = {}) =>
  new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test', ...options })

describe('suppressNativeCallSpans', () => {
  it('is needed: an unwrapped @anthropic-ai/sdk client traces its calls itself', async () => {
    await newClient().messages.create({ model: 'claude-haiku-4-5', max_tokens: 8, messages })
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['anthropic.messages.create'])
  })

  it("replaces the SDK's call span by the finops-ai span, which the request propagates", async () => {
    const finops = createFinOps({ tracerProvider })
    const client = withFinOps(newClient(), { finops })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 8, messages })
    await client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 8, messages }).finalMessage()
    await finops.flush()
    const spans = exporter.getFinishedSpans()
    expect(spans.map((span) => span.name)).toEqual(['chat claude-haiku-4-5', 'chat claude-haiku-4-5'])
    expect(provider.requests.map((request) => request.headers.traceparent)).toEqual(
      spans.map((span) => `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`),
    )
  })

  it('propagates the finops-ai span of a stream helper started inside an application span', async () => {
    const finops = createFinOps({ tracerProvider })
    const client = withFinOps(newClient(), { finops })
    await trace.getTracer('app').startActiveSpan('handle request', async (parent) => {
      await client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 8, messages }).finalMessage()
      parent.end()
    })
    await finops.flush()
    const [call, parent] = exporter.getFinishedSpans()
    expect([call?.name, parent?.name]).toEqual(['chat claude-haiku-4-5', 'handle request'])
    expect(call?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId)
    expect(provider.requests[0]?.headers.traceparent).toBe(`00-${call?.spanContext().traceId}-${call?.spanContext().spanId}-01`)
  })

  it('keeps the native spans of calls finops-ai does not cover, on wrapped clients and their clones', async () => {
    const client = withFinOps(newClient(), { finops: createFinOps({ tracerProvider }) })
    await client.messages.countTokens({ model: 'claude-haiku-4-5', messages })
    await client.withOptions({ timeout: 9000 }).messages.countTokens({ model: 'claude-haiku-4-5', messages })
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['anthropic.messages.count_tokens', 'anthropic.messages.count_tokens'])
  })

  it('suppresses the call span on withOptions clones too', async () => {
    const finops = createFinOps({ tracerProvider })
    const client = withFinOps(newClient(), { finops }).withOptions({ timeout: 9000 })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 8, messages })
    await finops.flush()
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['chat claude-haiku-4-5'])
  })

  it('leaves a client with native tracing switched off as it is', async () => {
    const finops = createFinOps({ tracerProvider })
    const client = withFinOps(newClient({ openTelemetry: false }), { finops })
    expect((client as unknown as { _tracer?: unknown })._tracer).toBeUndefined()
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 8, messages })
    await finops.flush()
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['chat claude-haiku-4-5'])
  })
})
