import { context, SpanStatusCode, trace } from '@opentelemetry/api'
import { describe, expect, it } from 'vitest'
import type { CallRequest } from '../call/call-request.js'
import { createInferenceInstruments } from './inference-instruments.js'
import { createInferenceSpan } from './inference-span.js'
import { MetricAttributeCache } from './metric-attribute-cache.js'
import { createOtelTestHarness, histogramPoints } from './otel-test-harness.js'
import { semconvNames } from './semconv.js'

const request: CallRequest = { provider: 'anthropic', operation: 'chat', model: 'claude-haiku-4-5', stream: true, estimatedInputTokens: 5 }
const attribution = { values: { team: 'ops' }, missing: [] }

describe('createInferenceSpan', () => {
  it('records metrics without a span when only a metrics SDK is present', async () => {
    const otel = createOtelTestHarness()
    const instruments = createInferenceInstruments(otel.meterProvider.getMeter('test'), 'default')
    const inference = createInferenceSpan({ request, attribution, span: undefined, context: context.active(), instruments, metricAttributes: new MetricAttributeCache(), names: semconvNames('default') })
    inference.firstChunk()
    inference.fail(new DOMException('aborted', 'AbortError'))

    const collected = await otel.collect()
    expect(histogramPoints(collected.get('gen_ai.client.operation.duration'))[0]?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-haiku-4-5',
      'team.name': 'ops',
      'error.type': 'AbortError',
    })
    expect(histogramPoints(collected.get('gen_ai.client.operation.time_to_first_chunk'))[0]?.attributes).not.toHaveProperty('error.type')
  })

  it('records a thrown non-error as the exception message and _OTHER', () => {
    const otel = createOtelTestHarness()
    const span = otel.tracerProvider.getTracer('test').startSpan('chat claude-haiku-4-5')
    const inference = createInferenceSpan({
      request,
      attribution,
      span,
      context: trace.setSpan(context.active(), span),
      instruments: null,
      metricAttributes: new MetricAttributeCache(),
      names: semconvNames('default'),
    })
    inference.fail('gone')

    const [ended] = otel.spans()
    expect(ended?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'gone' })
    expect(ended?.attributes).toEqual({ 'error.type': '_OTHER' })
    expect(ended?.events[0]?.attributes).toMatchObject({ 'exception.message': 'gone' })
  })
})
