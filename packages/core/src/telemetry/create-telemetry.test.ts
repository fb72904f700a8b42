import { readFileSync } from 'node:fs'
import {
  context,
  diag,
  DiagLogLevel,
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
  type DiagLogger,
  type Meter,
  type MeterProvider,
} from '@opentelemetry/api'
import { AlwaysOffSampler, BasicTracerProvider, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base'
import { SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CallRequest } from '../call/call-request.js'
import { createTelemetry, INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION } from './create-telemetry.js'
import { createOtelTestHarness, histogramPoints, sumPoints } from './otel-test-harness.js'
import { SECONDS_BUCKETS, TOKEN_BUCKETS } from './semconv.js'
import type { CallAttribution, InferenceOutcome } from './telemetry-types.js'

const request: CallRequest = {
  provider: 'openai',
  operation: 'chat',
  model: 'gpt-4o',
  stream: false,
  maxOutputTokens: 256,
  estimatedInputTokens: 1000,
  serviceTier: 'flex',
  server: { address: 'api.openai.com', port: 443 },
  parameters: { temperature: 0.2, topP: 0.9, stopSequences: ['END'], seed: 7, choiceCount: 2 },
}

const attribution: CallAttribution = {
  values: { user: 'k.herings', team: 'support', feature: 'support-rag', costCenter: 'CC-4711', run: 'r-1' },
  missing: [],
}

const outcome: InferenceOutcome = {
  result: {
    usage: {
      inputTokens: 1200,
      outputTokens: 300,
      cacheReadTokens: 800,
      cacheWriteTokens: 100,
      cacheWrite1hTokens: 50,
      reasoningTokens: 120,
    },
    responseId: 'chatcmpl-1',
    responseModel: 'gpt-4o-2024-08-06',
    finishReasons: ['stop'],
    serviceTier: 'flex',
  },
  cost: { amount: 0.0123, input: 0.01, output: 0.0023, currency: 'EUR', source: 'genai-prices' },
  policyKeys: ['support-rag', 'global'],
  budgetRemaining: 4321.5,
}

const metricLabels = {
  'gen_ai.operation.name': 'chat',
  'gen_ai.provider.name': 'openai',
  'gen_ai.request.model': 'gpt-4o',
  'gen_ai.response.model': 'gpt-4o-2024-08-06',
  'server.address': 'api.openai.com',
  'server.port': 443,
  'team.name': 'support',
  'feature.name': 'support-rag',
  cost_center: 'CC-4711',
  'openai.response.service_tier': 'flex',
}

afterEach(() => {
  trace.disable()
  metrics.disable()
  diag.disable()
  vi.unstubAllEnvs()
})

describe('createTelemetry', () => {
  it('starts a CLIENT span "{operation} {model}" with request and attribution attributes', () => {
    const otel = createOtelTestHarness()
    const telemetry = createTelemetry({ ...otel, semconv: 'default' })

    const inference = telemetry.startInference(request, attribution)
    expect(trace.getSpan(inference.context)?.isRecording()).toBe(true)
    inference.succeed({ result: { usage: { inputTokens: 1, outputTokens: 1 } }, cost: null, policyKeys: [] })

    const [span] = otel.spans()
    expect(span?.name).toBe('chat gpt-4o')
    expect(span?.kind).toBe(SpanKind.CLIENT)
    expect(span?.instrumentationScope).toMatchObject({ name: '@finops-ai/core', version: INSTRUMENTATION_SCOPE_VERSION })
    expect(span?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'server.address': 'api.openai.com',
      'server.port': 443,
      'gen_ai.request.max_tokens': 256,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.stop_sequences': ['END'],
      'gen_ai.request.seed': 7,
      'gen_ai.request.choice.count': 2,
      'openai.request.service_tier': 'flex',
      'enduser.id': 'k.herings',
      'team.name': 'support',
      'feature.name': 'support-rag',
      cost_center: 'CC-4711',
      'finops.attribution.run': 'r-1',
      'gen_ai.usage.input_tokens': 1,
      'gen_ai.usage.output_tokens': 1,
    })
  })

  it('ends a successful call with response, usage, cost and budget attributes and an UNSET status', () => {
    const otel = createOtelTestHarness()
    const inference = createTelemetry({ ...otel, semconv: 'default' }).startInference(request, attribution)
    inference.succeed(outcome)

    const [span] = otel.spans()
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET })
    expect(span?.attributes).toMatchObject({
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.finish_reasons': ['stop'],
      'openai.response.service_tier': 'flex',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 300,
      'gen_ai.usage.cache_read.input_tokens': 800,
      'gen_ai.usage.cache_creation.input_tokens': 150,
      'gen_ai.usage.reasoning.output_tokens': 120,
      'finops.cost.amount': 0.0123,
      'finops.cost.currency': 'EUR',
      'finops.cost.input': 0.01,
      'finops.cost.output': 0.0023,
      'finops.price.source': 'genai-prices',
      'finops.policy.keys': ['support-rag', 'global'],
      'finops.budget.remaining': 4321.5,
    })
    const names = Object.keys(span?.attributes ?? {})
    expect(names).not.toContain('gen_ai.usage.cache_write.input_tokens')
    expect(names.filter((name) => name.startsWith('gen_ai.usage.cost'))).toEqual([])
    expect(names).not.toContain('finops.usage.estimated')
    expect(names).not.toContain('finops.store.degraded')
    expect(names).not.toContain('finops.attribution.missing')
  })

  it('uses the latest names, with the proposed gen_ai.usage.cost.* attributes, in latest mode', () => {
    const otel = createOtelTestHarness()
    createTelemetry({ ...otel, semconv: 'latest' }).startInference(request, attribution).succeed(outcome)

    const attributes = otel.spans()[0]?.attributes ?? {}
    expect(attributes).toMatchObject({
      'gen_ai.usage.cache_write.input_tokens': 150,
      'gen_ai.usage.cost.amount': 0.0123,
      'gen_ai.usage.cost.currency': 'EUR',
      'gen_ai.usage.cost.source': 'local',
      'finops.cost.amount': 0.0123,
    })
    expect(attributes).not.toHaveProperty('gen_ai.usage.cache_creation.input_tokens')
  })

  it('reads OTEL_SEMCONV_STABILITY_OPT_IN and the content-capture switch once, at creation', () => {
    vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', 'http, gen_ai_latest_experimental')
    vi.stubEnv('OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT', 'true')
    const otel = createOtelTestHarness()
    const telemetry = createTelemetry(otel)
    vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', '')

    telemetry.startInference(request, attribution).succeed(outcome)

    expect(telemetry.semconv).toBe('latest')
    expect(telemetry.captureContent).toBe(true)
    expect(otel.spans()[0]?.attributes).toHaveProperty('gen_ai.usage.cache_write.input_tokens', 150)
    expect(createTelemetry(otel)).toMatchObject({ semconv: 'default', captureContent: true })
  })

  it('records content on the span only when capture is on, and never in metrics', async () => {
    const content = {
      input: [{ role: 'user', parts: [{ type: 'text', content: 'hi' }] }],
      system: [{ type: 'text', content: 'be brief' }],
    }
    const outputContent = [{ role: 'assistant', parts: [{ type: 'text', content: 'hello' }], finish_reason: 'stop' }]
    const withContent = { ...outcome, result: { ...outcome.result, outputContent } }
    const otel = createOtelTestHarness()
    createTelemetry({ ...otel, captureContent: false }).startInference({ ...request, content }, attribution).succeed(withContent)
    createTelemetry({ ...otel, captureContent: true }).startInference({ ...request, content }, attribution).succeed(withContent)

    const [off, on] = otel.spans()
    expect(Object.keys(off?.attributes ?? {}).filter((name) => /messages|instructions/.test(name))).toEqual([])
    expect(on?.attributes).toMatchObject({
      'gen_ai.input.messages': JSON.stringify(content.input),
      'gen_ai.system_instructions': JSON.stringify(content.system),
      'gen_ai.output.messages': JSON.stringify(outputContent),
    })
    const collected = await otel.collect()
    expect(JSON.stringify(sumPoints(collected.get('finops.cost')))).not.toContain('hello')
    expect(JSON.stringify(histogramPoints(collected.get('gen_ai.client.token.usage')))).not.toContain('hello')
  })

  it('omits cost attributes and the cost metric when the price is unknown', async () => {
    const otel = createOtelTestHarness()
    createTelemetry({ ...otel, semconv: 'latest' }).startInference(request, attribution).succeed({ ...outcome, cost: null })

    const names = Object.keys(otel.spans()[0]?.attributes ?? {})
    expect(names.filter((name) => /^(finops\.cost|finops\.price|gen_ai\.usage\.cost)/.test(name))).toEqual([])
    expect((await otel.collect()).has('finops.cost')).toBe(false)
  })

  it('flags estimated usage, a degraded store and missing attribution, and counts the missing attribution', async () => {
    const otel = createOtelTestHarness()
    const inference = createTelemetry({ ...otel, semconv: 'default' }).startInference(request, {
      values: { user: 'k.herings' },
      missing: ['team', 'feature'],
    })
    inference.succeed({ ...outcome, result: { ...outcome.result, estimated: true }, storeDegraded: true })

    expect(otel.spans()[0]?.attributes).toMatchObject({
      'finops.usage.estimated': true,
      'finops.store.degraded': true,
      'finops.attribution.missing': true,
    })
    const missing = sumPoints((await otel.collect()).get('finops.attribution.missing'))
    expect(missing).toEqual([
      {
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'openai',
          'gen_ai.request.model': 'gpt-4o',
          'server.address': 'api.openai.com',
          'server.port': 443,
        },
        value: 1,
      },
    ])
  })

  it('records token usage, duration and cost metrics with the bounded attribute allow-list (default mode)', async () => {
    const otel = createOtelTestHarness()
    createTelemetry({ ...otel, semconv: 'default' }).startInference(request, attribution).succeed(outcome)
    const collected = await otel.collect()

    const tokens = collected.get('gen_ai.client.token.usage')
    expect(tokens?.descriptor.unit).toBe('{token}')
    expect(histogramPoints(tokens)).toEqual([
      { attributes: { ...metricLabels, 'gen_ai.token.type': 'input' }, count: 1, sum: 1200, boundaries: [...TOKEN_BUCKETS] },
      { attributes: { ...metricLabels, 'gen_ai.token.type': 'output' }, count: 1, sum: 300, boundaries: [...TOKEN_BUCKETS] },
    ])
    const duration = collected.get('gen_ai.client.operation.duration')
    expect(duration?.descriptor.unit).toBe('s')
    expect(histogramPoints(duration)).toEqual([
      { attributes: metricLabels, count: 1, sum: expect.any(Number), boundaries: [...SECONDS_BUCKETS] },
    ])
    const cost = collected.get('finops.cost')
    expect(cost?.descriptor.unit).toBe('{EUR}')
    expect(sumPoints(cost)).toEqual([{ attributes: { ...metricLabels, 'finops.cost.currency': 'EUR' }, value: 0.0123 }])
    expect(collected.has('gen_ai.client.operation.time_to_first_chunk')).toBe(false)
    expect([...collected.keys()].filter((name) => name.startsWith('gen_ai.client.inference'))).toEqual([])
  })

  it('records the gen_ai.client.inference.* metrics instead in latest mode', async () => {
    const otel = createOtelTestHarness()
    createTelemetry({ ...otel, semconv: 'latest' }).startInference(request, attribution).succeed(outcome)
    const collected = await otel.collect()

    const byModality = { ...metricLabels, 'gen_ai.token.modality': 'unknown' }
    expect(sumPoints(collected.get('gen_ai.client.inference.usage.input_tokens'))).toEqual([{ attributes: byModality, value: 1200 }])
    expect(sumPoints(collected.get('gen_ai.client.inference.usage.output_tokens'))).toEqual([{ attributes: byModality, value: 300 }])
    expect(sumPoints(collected.get('gen_ai.client.inference.usage.cache_read.input_tokens'))).toEqual([
      { attributes: byModality, value: 800 },
    ])
    expect(sumPoints(collected.get('gen_ai.client.inference.usage.cache_write.input_tokens'))).toEqual([
      { attributes: byModality, value: 150 },
    ])
    expect(sumPoints(collected.get('gen_ai.client.inference.usage.reasoning.output_tokens'))).toEqual([
      { attributes: byModality, value: 120 },
    ])
    expect(histogramPoints(collected.get('gen_ai.client.inference.operation.input_tokens'))).toEqual([
      { attributes: metricLabels, count: 1, sum: 1200, boundaries: [...TOKEN_BUCKETS] },
    ])
    expect(histogramPoints(collected.get('gen_ai.client.inference.operation.output_tokens'))).toEqual([
      { attributes: metricLabels, count: 1, sum: 300, boundaries: [...TOKEN_BUCKETS] },
    ])
    expect(histogramPoints(collected.get('gen_ai.client.inference.duration'))).toHaveLength(1)
    expect(collected.has('gen_ai.client.token.usage')).toBe(false)
    expect(collected.has('gen_ai.client.operation.duration')).toBe(false)
  })

  it('records the time to the first chunk once, and only for streams', async () => {
    const otel = createOtelTestHarness()
    const telemetry = createTelemetry({ ...otel, semconv: 'default' })
    const streamed = telemetry.startInference({ ...request, stream: true }, attribution)
    streamed.firstChunk()
    streamed.firstChunk()
    streamed.succeed(outcome)
    const unstreamed = telemetry.startInference(request, attribution)
    unstreamed.firstChunk()
    unstreamed.succeed(outcome)

    const [streamSpan, plainSpan] = otel.spans()
    expect(streamSpan?.attributes).toMatchObject({ 'gen_ai.request.stream': true })
    expect(streamSpan?.attributes['gen_ai.response.time_to_first_chunk']).toEqual(expect.any(Number))
    expect(plainSpan?.attributes).not.toHaveProperty('gen_ai.request.stream')
    expect(plainSpan?.attributes).not.toHaveProperty('gen_ai.response.time_to_first_chunk')
    const points = histogramPoints((await otel.collect()).get('gen_ai.client.operation.time_to_first_chunk'))
    expect(points).toEqual([{ attributes: metricLabels, count: 1, sum: expect.any(Number), boundaries: [...SECONDS_BUCKETS] }])
  })

  it('ends a denied call with error.type = reason and an ERROR status, and counts the denial', async () => {
    const otel = createOtelTestHarness()
    createTelemetry({ ...otel, semconv: 'default' })
      .startInference(request, attribution)
      .deny({ reason: 'budget', policy: 'support-rag/user=k.herings', limit: 6000, current: 6000.5 })

    const [span] = otel.spans()
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: "budget limit of policy 'support-rag/user=k.herings' exceeded" })
    expect(span?.attributes).toMatchObject({ 'error.type': 'budget', 'finops.policy.key': 'support-rag/user=k.herings' })
    const collected = await otel.collect()
    const { 'gen_ai.response.model': _responseModel, 'openai.response.service_tier': _serviceTier, ...requestLabels } = metricLabels
    expect(sumPoints(collected.get('finops.guard.denials'))).toEqual([
      { attributes: { ...requestLabels, 'finops.guard.reason': 'budget', 'finops.policy.key': 'support-rag' }, value: 1 },
    ])
    expect(collected.has('gen_ai.client.operation.duration')).toBe(false)
  })

  it('ends a failed call with the HTTP status as error.type, the exception, and the usage that was billed', async () => {
    class RateLimitError extends Error {
      readonly status = 429
    }
    const otel = createOtelTestHarness()
    createTelemetry({ ...otel, semconv: 'default' })
      .startInference(request, attribution)
      .fail(new RateLimitError('slow down'), outcome)

    const [span] = otel.spans()
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'slow down' })
    expect(span?.attributes).toMatchObject({ 'error.type': '429', 'gen_ai.usage.input_tokens': 1200, 'finops.cost.amount': 0.0123 })
    expect(span?.events.map((event) => [event.name, event.attributes?.['exception.message']])).toEqual([['exception', 'slow down']])
    const collected = await otel.collect()
    expect(histogramPoints(collected.get('gen_ai.client.operation.duration'))[0]?.attributes).toEqual({
      ...metricLabels,
      'error.type': '429',
    })
    expect(histogramPoints(collected.get('gen_ai.client.token.usage'))).toHaveLength(2)
  })

  it('ends a cut call with finish reason error, and in latest mode labels its usage with error.type', async () => {
    const otel = createOtelTestHarness()
    const { finishReasons: _reported, ...cut } = outcome.result
    createTelemetry({ ...otel, semconv: 'latest' }).startInference(request, attribution).fail(new TypeError('terminated'), { ...outcome, result: cut })

    expect(otel.spans()[0]?.attributes).toMatchObject({ 'error.type': 'TypeError', 'gen_ai.response.finish_reasons': ['error'] })
    const collected = await otel.collect()
    for (const name of ['gen_ai.client.inference.usage.input_tokens', 'gen_ai.client.inference.usage.output_tokens']) {
      expect(sumPoints(collected.get(name))[0]?.attributes).toMatchObject({ 'error.type': 'TypeError' })
    }
    expect(histogramPoints(collected.get('gen_ai.client.inference.operation.input_tokens'))[0]?.attributes).toMatchObject({ 'error.type': 'TypeError' })
  })

  it('ends a failed call without usage with the error class name as error.type', async () => {
    const otel = createOtelTestHarness()
    createTelemetry({ ...otel, semconv: 'default' }).startInference(request, attribution).fail(new TypeError('fetch failed'))

    expect(otel.spans()[0]?.attributes).toMatchObject({ 'error.type': 'TypeError' })
    expect(otel.spans()[0]?.attributes).not.toHaveProperty('gen_ai.usage.input_tokens')
    const collected = await otel.collect()
    expect(collected.has('gen_ai.client.token.usage')).toBe(false)
    expect(collected.has('finops.cost')).toBe(false)
  })

  it('records a downgraded model as the request model, on the span name and on metrics', async () => {
    const otel = createOtelTestHarness()
    const inference = createTelemetry({ ...otel, semconv: 'default' }).startInference(request, attribution)
    inference.setModel('gpt-4o-mini', 'gpt-4o')
    inference.setPolicyKeys(['support-rag'])
    inference.addEvent('finops.soft_limit', { 'finops.policy.key': 'support-rag', 'finops.budget.spent': 5000.1 })
    inference.succeed({ ...outcome, policyKeys: [], result: { ...outcome.result, responseModel: 'gpt-4o-mini-2024-07-18' } })

    const [span] = otel.spans()
    expect(span?.name).toBe('chat gpt-4o-mini')
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.model': 'gpt-4o-mini',
      'finops.model.downgraded_from': 'gpt-4o',
      'finops.policy.keys': ['support-rag'],
    })
    expect(span?.events.map((event) => [event.name, event.attributes])).toEqual([
      ['finops.soft_limit', { 'finops.policy.key': 'support-rag', 'finops.budget.spent': 5000.1 }],
    ])
    const duration = histogramPoints((await otel.collect()).get('gen_ai.client.operation.duration'))
    expect(duration[0]?.attributes).toMatchObject({ 'gen_ai.request.model': 'gpt-4o-mini' })
  })

  it('ignores every call after the span ended', async () => {
    const otel = createOtelTestHarness()
    const inference = createTelemetry({ ...otel, semconv: 'default' }).startInference(request, attribution)
    inference.succeed(outcome)
    inference.succeed({ ...outcome, cost: null })
    inference.fail(new Error('late'))
    inference.deny({ reason: 'concurrency', policy: 'p', limit: 1, current: 2 })
    inference.setModel('other', 'gpt-4o')
    inference.setPolicyKeys(['late'])
    inference.addEvent('late', {})
    inference.firstChunk()

    expect(otel.spans()).toHaveLength(1)
    expect(otel.spans()[0]?.status.code).toBe(SpanStatusCode.UNSET)
    const collected = await otel.collect()
    expect(histogramPoints(collected.get('gen_ai.client.operation.duration'))[0]?.count).toBe(1)
    expect(collected.has('finops.guard.denials')).toBe(false)
  })

  it('without an OpenTelemetry SDK starts no span and reads no attribute source', () => {
    let reads = 0
    const counted: CallRequest = {
      ...request,
      get parameters() {
        reads += 1
        return request.parameters
      },
    }
    const telemetry = createTelemetry()
    const inference = telemetry.startInference(counted, attribution)

    expect(trace.getSpanContext(inference.context)).toBeUndefined()
    expect(inference.context).toBe(context.active())
    inference.firstChunk()
    inference.succeed(outcome)
    expect(reads).toBe(0)
  })

  it('builds no request attributes for a span the sampler drops', () => {
    let reads = 0
    const counted: CallRequest = {
      ...request,
      get parameters() {
        reads += 1
        return request.parameters
      },
    }
    const tracerProvider = new BasicTracerProvider({ sampler: new AlwaysOffSampler() })
    const inference = createTelemetry({ tracerProvider }).startInference(counted, attribution)

    const span = trace.getSpan(inference.context)
    expect(span?.isRecording()).toBe(false)
    expect(trace.isSpanContextValid(span!.spanContext())).toBe(true)
    inference.succeed(outcome)
    expect(reads).toBe(0)
  })

  it('uses tracer and meter providers registered globally after the telemetry was created', async () => {
    const telemetry = createTelemetry({ semconv: 'default' })
    telemetry.startInference(request, attribution).succeed(outcome)
    const otel = createOtelTestHarness()
    trace.setGlobalTracerProvider(otel.tracerProvider)
    metrics.setGlobalMeterProvider(otel.meterProvider)

    telemetry.startInference(request, attribution).succeed(outcome)

    expect(otel.spans().map((span) => span.name)).toEqual(['chat gpt-4o'])
    expect(histogramPoints((await otel.collect()).get('gen_ai.client.operation.duration'))[0]?.count).toBe(1)
  })

  it('never throws when a span processor or the span exporter throws, and logs through diag', () => {
    const warnings: unknown[][] = []
    const logger: DiagLogger = {
      error: () => {},
      warn: (...args) => void warnings.push(args),
      info: () => {},
      debug: () => {},
      verbose: () => {},
    }
    diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true })
    const throwing: SpanProcessor = {
      onStart: () => {
        throw new Error('onStart')
      },
      onEnd: () => {
        throw new Error('onEnd')
      },
      forceFlush: () => Promise.resolve(),
      shutdown: () => Promise.resolve(),
    }
    const failingExporter: SpanExporter = {
      export: () => {
        throw new Error('export')
      },
      shutdown: () => Promise.resolve(),
    }
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(failingExporter)] })
    const otel = createOtelTestHarness({ spanProcessors: [throwing] })

    for (const provider of [otel.tracerProvider, tracerProvider]) {
      const telemetry = createTelemetry({ tracerProvider: provider, meterProvider: otel.meterProvider })
      expect(() => {
        const succeeded = telemetry.startInference(request, attribution)
        succeeded.setModel('gpt-4o-mini', 'gpt-4o')
        succeeded.firstChunk()
        succeeded.succeed(outcome)
        telemetry.startInference(request, attribution).fail(new Error('provider down'))
        telemetry.startInference(request, attribution).deny({ reason: 'budget', policy: 'p', limit: 1, current: 2 })
      }).not.toThrow()
    }
    expect(warnings.some(([message]) => String(message).startsWith('finops-ai: telemetry'))).toBe(true)
  })

  it('never throws when the meter or its instruments throw', () => {
    diag.setLogger({ error() {}, warn() {}, info() {}, debug() {}, verbose() {} }, DiagLogLevel.NONE)
    const throwingInstrument = {
      record: () => {
        throw new Error('record')
      },
      add: () => {
        throw new Error('add')
      },
    }
    const throwingObservable = {
      addCallback: () => {
        throw new Error('addCallback')
      },
    }
    const throwingMeter = {
      createHistogram: () => throwingInstrument,
      createCounter: () => throwingInstrument,
      createObservableCounter: () => throwingObservable,
    } as unknown as Meter
    const providers: MeterProvider[] = [
      { getMeter: () => throwingMeter },
      {
        getMeter: () => {
          throw new Error('getMeter')
        },
      },
    ]
    for (const meterProvider of providers) {
      const telemetry = createTelemetry({ tracerProvider: createOtelTestHarness().tracerProvider, meterProvider })
      expect(() => {
        telemetry.startInference(request, { ...attribution, missing: ['team'] }).succeed(outcome)
        telemetry.startInference(request, attribution).fail(new Error('x'), outcome)
        telemetry.startInference(request, attribution).deny({ reason: 'budget', policy: 'p', limit: 1, current: 2 })
      }).not.toThrow()
    }
  })

  it('names its instrumentation scope after the package and its version', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string }
    expect(INSTRUMENTATION_SCOPE_NAME).toBe(manifest.name)
    expect(INSTRUMENTATION_SCOPE_VERSION).toBe(manifest.version)
  })
})
