import {
  context,
  createNoopMeter,
  diag,
  metrics,
  SpanKind,
  trace,
  type Meter,
  type MeterProvider,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api'
import { logs, type Logger, type LoggerProvider } from '@opentelemetry/api-logs'
import { ATTRIBUTION_NAMINGS, type AttributionNaming } from '../attribution/attribution-attributes.js'
import type { CallRequest } from '../call/call-request.js'
import { ConfigError } from '../errors/config-error.js'
import { addInputContentAttributes } from './content-attributes.js'
import type { ExceptionLoggerSource } from './exception-event.js'
import { createInferenceInstruments, type InferenceInstruments } from './inference-instruments.js'
import { createInferenceSpan, unrecordedInference } from './inference-span.js'
import { MetricAttributeCache } from './metric-attribute-cache.js'
import { addRequestAttributes, samplingAttributes } from './request-attributes.js'
import { semconvNames, type SemconvMode } from './semconv.js'
import { readTelemetryEnvironment } from './telemetry-environment.js'
import type { CallAttribution, InferenceSpan, Telemetry } from './telemetry-types.js'

/** Instrumentation scope name of finops-ai's tracer and meter. */
export const INSTRUMENTATION_SCOPE_NAME = '@finops-ai/core'
/** Instrumentation scope version: the version of `@finops-ai/core` (a test keeps it in step with package.json). */
export const INSTRUMENTATION_SCOPE_VERSION = '0.1.0'

/** Options of {@link createTelemetry}. */
export interface CreateTelemetryOptions {
  /**
   * Where spans go. Default: the global tracer provider of `@opentelemetry/api`, looked up on every
   * call (cheaply), so an SDK registered after the engine was created is still used.
   */
  tracerProvider?: TracerProvider
  /**
   * Where metrics go. Default: the global meter provider of `@opentelemetry/api`, looked up on
   * every call (cheaply), so an SDK registered after the engine was created is still used.
   */
  meterProvider?: MeterProvider
  /**
   * Where the `gen_ai.client.operation.exception` event (a log record) of a failed call goes.
   * Default: the global logger provider of `@opentelemetry/api-logs`, looked up on each failure;
   * with none registered, no event is emitted. The event is emitted for calls that tracing or
   * metrics also record.
   */
  loggerProvider?: LoggerProvider
  /**
   * How attribution keys are named on spans and metrics (see {@link AttributionNaming}):
   * `'default'` (`team.name`, `feature.name`, `cost_center`) or `'namespaced'`
   * (`finops.attribution.team`, `finops.attribution.feature`, `finops.attribution.cost_center`).
   * `user` is `enduser.id` in both. Default: env `FINOPS_ATTRIBUTE_NAMES` (`default` | `namespaced`),
   * else `'default'`. Read once, here.
   */
  attributeNames?: AttributionNaming
  /**
   * GenAI naming: `default` = semantic conventions v1.41.0 (what backends consume today);
   * `latest` = the newest experimental names (`gen_ai.usage.cache_write.input_tokens`,
   * `gen_ai.client.inference.*` metrics, proposed `gen_ai.usage.cost.*`).
   * Default: `latest` when env `OTEL_SEMCONV_STABILITY_OPT_IN` (comma-separated) contains
   * `gen_ai_latest_experimental`, else `default`. Read once, here.
   */
  semconv?: SemconvMode
  /**
   * Whether prompt and completion content is recorded on spans (`gen_ai.input.messages`,
   * `gen_ai.system_instructions`, `gen_ai.output.messages`) when adapters supply it. Never in
   * metrics. Default: env
   * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` is `true`, else `false`. Read once, here.
   */
  captureContent?: boolean
}

/** The {@link Telemetry} {@link createTelemetry} returns, with the settings it resolved. */
export interface InferenceTelemetry extends Telemetry {
  /** The naming mode in effect. */
  readonly semconv: SemconvMode
  /** Whether content capture is switched on (see {@link CreateTelemetryOptions.captureContent}). */
  readonly captureContent: boolean
}

/**
 * Creates the telemetry the engine calls: one CLIENT span `"{operation} {model}"` per call with
 * GenAI semantic-convention and `finops.*` attributes, and the GenAI and finops metrics.
 *
 * Costs almost nothing without an OpenTelemetry SDK: no span is started, no attribute object is
 * built and no metric is recorded. Every method swallows its own errors and logs them through
 * `diag.warn`; telemetry never breaks a call.
 */
export function createTelemetry(options: CreateTelemetryOptions = {}): InferenceTelemetry {
  const environment =
    options.semconv === undefined || options.captureContent === undefined || options.attributeNames === undefined ? readTelemetryEnvironment() : undefined
  const mode = options.semconv ?? environment?.semconv ?? 'default'
  const captureContent = options.captureContent ?? environment?.captureContent ?? false
  const attributeNames = options.attributeNames ?? environment?.attributeNames ?? 'default'
  if (!ATTRIBUTION_NAMINGS.includes(attributeNames)) {
    throw new ConfigError([{ path: 'attributeNames', detail: `must be one of ${ATTRIBUTION_NAMINGS.join(', ')}; got '${String(attributeNames)}'` }])
  }
  const names = semconvNames(mode)
  const tracers = tracerSource(options.tracerProvider)
  const meters = instrumentSource(options.meterProvider, mode)
  const exceptionLogger = loggerSource(options.loggerProvider)
  const metricAttributes = new MetricAttributeCache(undefined, attributeNames)

  return {
    semconv: mode,
    captureContent,
    startInference(request: CallRequest, attribution: CallAttribution): InferenceSpan {
      const parent = context.active()
      let instruments: InferenceInstruments | null = null
      try {
        instruments = meters()
      } catch (error) {
        diag.warn('finops-ai: telemetry could not get its metric instruments; metrics are skipped', error)
      }
      try {
        const tracer = tracers()
        if (tracer === null && instruments === null) return unrecordedInference(parent)
        if (tracer === null) {
          return createInferenceSpan({ request, attribution, span: undefined, context: parent, instruments, metricAttributes, names, captureContent, exceptionLogger })
        }
        const span = tracer.startSpan(
          `${request.operation} ${request.model}`,
          { kind: SpanKind.CLIENT, attributes: samplingAttributes(request) },
          parent,
        )
        if (span.isRecording()) {
          const attributes = addRequestAttributes({}, request, attribution, attributeNames)
          if (captureContent && request.content !== undefined) addInputContentAttributes(attributes, request.content)
          span.setAttributes(attributes)
        }
        return createInferenceSpan({
          request,
          attribution,
          span,
          context: trace.setSpan(parent, span),
          instruments,
          metricAttributes,
          names,
          captureContent,
          exceptionLogger,
        })
      } catch (error) {
        diag.warn('finops-ai: telemetry could not start an inference span; the call is not affected', error)
        return createInferenceSpan({ request, attribution, span: undefined, context: parent, instruments, metricAttributes, names, captureContent, exceptionLogger })
      }
    },
  }
}

/**
 * What to use for a call — a tracer or a logger of `configured` or of the global provider — or
 * `null` when no SDK is behind the (global proxy) provider. The global proxy is asked for its
 * delegate (`delegateOf`) until one is registered; then what the delegate gives is kept for as long
 * as the global provider stays the same.
 */
function providedSource<Provider, Instrument>(
  configured: Provider | undefined,
  global: () => Provider,
  delegateOf: (provider: Provider) => Instrument | undefined | false,
  get: (provider: Provider) => Instrument,
): () => Instrument | null {
  let provider: Provider | undefined
  let instrument: Instrument | null = null
  return () => {
    const current = configured ?? global()
    if (current === provider && instrument !== null) return instrument
    provider = current
    const delegate = delegateOf(current)
    instrument = delegate === false ? get(current) : (delegate ?? null)
    return instrument
  }
}

/** The tracer to use for a call, or `null` when no tracing SDK is registered (see {@link providedSource}). */
function tracerSource(configured: TracerProvider | undefined): () => Tracer | null {
  return providedSource(
    configured,
    () => trace.getTracerProvider(),
    (provider) => {
      const proxy = provider as Partial<{ getDelegateTracer(name: string, version?: string): Tracer | undefined }>
      return typeof proxy.getDelegateTracer === 'function' ? proxy.getDelegateTracer(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION) : false
    },
    (provider) => provider.getTracer(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION),
  )
}

/** The logger of exception events, or `null` when no logs SDK is registered (see {@link providedSource}). */
function loggerSource(configured: LoggerProvider | undefined): ExceptionLoggerSource {
  return providedSource(
    configured,
    () => logs.getLoggerProvider(),
    (provider) => {
      const proxy = provider as Partial<{ _getDelegateLogger(name: string, version?: string): Logger | undefined }>
      return typeof proxy._getDelegateLogger === 'function' ? proxy._getDelegateLogger(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION) : false
    },
    (provider) => provider.getLogger(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION),
  )
}

/**
 * The metric instruments to use for a call, or `null` when the meter is the API's no-op meter.
 * Instruments are created once per meter provider (the global one is looked up each call: the
 * metrics API has no proxy, so this is how a provider registered later gets used).
 */
function instrumentSource(configured: MeterProvider | undefined, mode: SemconvMode): () => InferenceInstruments | null {
  let noopMeter: (new () => Meter) | undefined
  let provider: MeterProvider | undefined
  let instruments: InferenceInstruments | null = null
  return () => {
    const current = configured ?? metrics.getMeterProvider()
    if (current === provider) return instruments
    provider = current
    instruments = null
    noopMeter ??= createNoopMeter().constructor as new () => Meter
    const meter = current.getMeter(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION)
    if (!(meter instanceof noopMeter)) instruments = createInferenceInstruments(meter, mode)
    return instruments
  }
}
