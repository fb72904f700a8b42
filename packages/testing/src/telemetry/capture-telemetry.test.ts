import { setTimeout as sleep } from 'node:timers/promises'
import { ROOT_CONTEXT, context, createContextKey, metrics, trace } from '@opentelemetry/api'
import { afterEach, describe, expect, it } from 'vitest'
import { type TelemetryCapture, captureTelemetry } from './capture-telemetry.js'

const key = createContextKey('capture-telemetry-test')
let capture: TelemetryCapture | undefined

afterEach(async () => {
  await capture?.shutdown()
  capture = undefined
})

async function contextSurvivesAwait(): Promise<boolean> {
  return context.with(ROOT_CONTEXT.setValue(key, 'kept'), async () => {
    await sleep(1)
    return context.active().getValue(key) === 'kept'
  })
}

describe('captureTelemetry', () => {
  it('registers a global tracer provider whose finished spans it returns', () => {
    capture = captureTelemetry()
    trace.getTracer('test').startSpan('first').end()
    trace.getTracer('test').startSpan('unfinished')
    expect(capture.spans().map((span) => span.name)).toEqual(['first'])
  })

  it('registers a global meter provider whose metrics it collects', async () => {
    capture = captureTelemetry()
    metrics.getMeter('test').createCounter('finops.cost').add(2.5, { 'gen_ai.request.model': 'gpt-4o' })
    const [resourceMetrics] = await capture.metrics()
    const metric = resourceMetrics?.scopeMetrics[0]?.metrics[0]
    expect(metric?.descriptor.name).toBe('finops.cost')
    expect(metric?.dataPoints[0]?.value).toBe(2.5)
    expect(metric?.dataPoints[0]?.attributes).toEqual({ 'gen_ai.request.model': 'gpt-4o' })
  })

  it('registers an AsyncLocalStorage context manager so context survives await', async () => {
    capture = captureTelemetry()
    expect(await contextSurvivesAwait()).toBe(true)
  })

  it('unregisters every global on shutdown, so a new capture can register', async () => {
    capture = captureTelemetry()
    expect(metrics.getMeterProvider()).toBe(capture.meterProvider)
    await capture.shutdown()
    expect(trace.getTracer('test').startSpan('after').isRecording()).toBe(false)
    expect(metrics.getMeterProvider()).not.toBe(capture.meterProvider)
    expect(await contextSurvivesAwait()).toBe(false)
    const next = captureTelemetry()
    await next.shutdown()
  })

  it('keeps the spans readable after shutdown', async () => {
    capture = captureTelemetry()
    trace.getTracer('test').startSpan('kept').end()
    await capture.shutdown()
    expect(capture.spans().map((span) => span.name)).toEqual(['kept'])
  })

  it('leaves the globals alone with { global: false }', () => {
    capture = captureTelemetry({ global: false })
    expect(trace.getTracer('test').startSpan('global').isRecording()).toBe(false)
    capture.tracerProvider.getTracer('test').startSpan('local').end()
    expect(capture.spans().map((span) => span.name)).toEqual(['local'])
  })

  it('throws when a global tracer provider is already registered, leaving it in place', () => {
    capture = captureTelemetry()
    expect(() => captureTelemetry()).toThrow(/captureTelemetry: a global tracer provider is already registered/)
    trace.getTracer('test').startSpan('still-first').end()
    expect(capture.spans().map((span) => span.name)).toEqual(['still-first'])
  })

  it('returns only GenAI call spans from genAiSpans()', () => {
    capture = captureTelemetry({ global: false })
    const tracer = capture.tracerProvider.getTracer('test')
    tracer.startSpan('chat gpt-4o', { attributes: { 'gen_ai.operation.name': 'chat' } }).end()
    tracer.startSpan('POST /v1/chat/completions').end()
    expect(capture.genAiSpans().map((span) => span.name)).toEqual(['chat gpt-4o'])
  })

  it('forgets finished spans on reset', () => {
    capture = captureTelemetry({ global: false })
    const tracer = capture.tracerProvider.getTracer('test')
    tracer.startSpan('before').end()
    capture.reset()
    tracer.startSpan('after').end()
    expect(capture.spans().map((span) => span.name)).toEqual(['after'])
  })

  it('records spans regardless of OTEL_TRACES_SAMPLER', () => {
    const previous = process.env.OTEL_TRACES_SAMPLER
    process.env.OTEL_TRACES_SAMPLER = 'always_off'
    try {
      capture = captureTelemetry({ global: false })
      capture.tracerProvider.getTracer('test').startSpan('sampled').end()
      expect(capture.spans()).toHaveLength(1)
    } finally {
      if (previous === undefined) delete process.env.OTEL_TRACES_SAMPLER
      else process.env.OTEL_TRACES_SAMPLER = previous
    }
  })
})
