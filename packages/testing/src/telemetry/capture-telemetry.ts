import { bypassedCallsSpanProcessor } from '@finops-ai/core'
import { context, metrics, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics'
import { AlwaysOnSampler, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, TracerProvider as SdkTracerProvider } from '@opentelemetry/sdk-trace'
import { genAiSpans } from './gen-ai-spans.js'

/** Options of {@link captureTelemetry}. */
export interface CaptureTelemetryOptions {
  /**
   * Register the providers and an AsyncLocalStorage context manager as the process-wide OTel
   * globals, so code that calls `trace.getTracer()` / `metrics.getMeter()` (the finops engine
   * does) reports into this capture. Default `true`. With `false`, hand `tracerProvider` and
   * `meterProvider` to the code under test yourself.
   */
  global?: boolean
}

/** Telemetry recorded in memory by {@link captureTelemetry}. */
export interface TelemetryCapture {
  /**
   * The tracer provider that records every span (always sampled) in memory. It also runs a
   * `bypassedCallsSpanProcessor()`, so `finops.coverage().calls.bypassed` counts the model calls
   * recorded here that went through no finops-ai engine.
   */
  readonly tracerProvider: SdkTracerProvider
  /** The meter provider whose instruments {@link TelemetryCapture.metrics} reads. */
  readonly meterProvider: MeterProvider
  /** The finished spans, oldest first; still readable after `shutdown()`. */
  spans(): ReadableSpan[]
  /** The finished GenAI call spans (those with `gen_ai.operation.name`). */
  genAiSpans(): ReadableSpan[]
  /**
   * Collects the metrics: one `ResourceMetrics`, values cumulative since the capture started
   * (`reset()` does not zero instruments; use one capture per test for isolated metrics).
   */
  metrics(): Promise<ResourceMetrics[]>
  /** Forgets the spans finished so far. */
  reset(): void
  /** Unregisters the globals this capture registered and shuts the providers down. Idempotent. */
  shutdown(): Promise<void>
}

class InMemoryMetricReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/**
 * Records spans and metrics in memory with the real OTel SDK, for assertions in tests.
 *
 * Needs `@opentelemetry/sdk-trace`, `@opentelemetry/sdk-metrics` and
 * `@opentelemetry/context-async-hooks` 2.x or 3.x with `@opentelemetry/api` ≥1.9 (optional peers of
 * `@finops-ai/testing`; `expectAllCallsAttributed` alone does not need them).
 *
 * Throws when another tracer or meter provider is already registered globally (a capture not shut
 * down, or an SDK the application started): its spans would not reach this capture. A context
 * manager already registered is kept and left in place on `shutdown()`.
 *
 * @example
 * const telemetry = captureTelemetry()
 * afterEach(() => telemetry.reset())
 * afterAll(() => telemetry.shutdown())
 */
export function captureTelemetry(options: CaptureTelemetryOptions = {}): TelemetryCapture {
  const exporter = new InMemorySpanExporter()
  const tracerProvider = new SdkTracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [bypassedCallsSpanProcessor(), new SimpleSpanProcessor({ exporter })],
  })
  const reader = new InMemoryMetricReader()
  const meterProvider = new MeterProvider({ readers: [reader] })
  const registered = options.global === false ? { trace: false, metrics: false, context: false } : register(tracerProvider, meterProvider)
  let finalSpans: ReadableSpan[] | undefined
  let shutdown: Promise<void> | undefined

  const spans = () => finalSpans ?? exporter.getFinishedSpans().slice()
  return {
    tracerProvider,
    meterProvider,
    spans,
    genAiSpans: () => genAiSpans(spans()),
    async metrics() {
      const { resourceMetrics, errors } = await reader.collect()
      if (errors.length > 0) throw new Error(`captureTelemetry: collecting metrics failed: ${errors.map(String).join('; ')}`)
      return [resourceMetrics]
    },
    reset() {
      if (finalSpans) finalSpans = []
      else exporter.reset()
    },
    shutdown() {
      shutdown ??= (async () => {
        if (registered.trace) trace.disable()
        if (registered.metrics) metrics.disable()
        if (registered.context) context.disable()
        await tracerProvider.forceFlush()
        finalSpans = exporter.getFinishedSpans().slice()
        await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()])
      })()
      return shutdown
    },
  }
}

function register(tracerProvider: SdkTracerProvider, meterProvider: MeterProvider) {
  const contextManager = new AsyncLocalStorageContextManager().enable()
  const registered = { context: context.setGlobalContextManager(contextManager), trace: false, metrics: false }
  if (!registered.context) contextManager.disable()
  registered.trace = trace.setGlobalTracerProvider(tracerProvider)
  registered.metrics = registered.trace && metrics.setGlobalMeterProvider(meterProvider)
  if (registered.trace && registered.metrics) return registered

  if (registered.trace) trace.disable()
  if (registered.context) context.disable()
  const which = registered.trace ? 'meter' : 'tracer'
  throw new Error(
    `captureTelemetry: a global ${which} provider is already registered (a capture not shut down, or an OTel SDK the ` +
      `application started), so calls would not report here. Call shutdown() on the previous capture, or pass ` +
      `{ global: false } and give tracerProvider / meterProvider to the code under test.`,
  )
}
