import { diag, SpanStatusCode, type Attributes, type Context, type Span } from '@opentelemetry/api'
import { ATTR_CODE_COLUMN_NUMBER, ATTR_CODE_FILE_PATH, ATTR_CODE_FUNCTION_NAME, ATTR_CODE_LINE_NUMBER, ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions'
import type { CallRequest } from '../call/call-request.js'
import type { CallSite } from '../engine/call-site.js'
import type { LimitDenial } from '../errors/limit-exceeded-error.js'
import { addOutputContentAttributes } from './content-attributes.js'
import { errorType } from './error-type.js'
import { asException, emitExceptionEvent, errorMessage, type ExceptionLoggerSource } from './exception-event.js'
import type { InferenceInstruments } from './inference-instruments.js'
import type { MetricAttributeCache } from './metric-attribute-cache.js'
import { metricAttributes, type MetricLabels } from './metric-attributes.js'
import { addOutcomeAttributes } from './outcome-attributes.js'
import {
  ATTR_FINOPS_CACHE_HIT,
  ATTR_FINOPS_GUARD_REASON,
  ATTR_FINOPS_MODEL_DOWNGRADED_FROM,
  ATTR_FINOPS_POLICY_KEY,
  ATTR_FINOPS_POLICY_KEYS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  type SemconvNames,
} from './semconv.js'
import type { CallAttribution, InferenceOutcome, InferenceSpan } from './telemetry-types.js'

/** What an {@link InferenceSpan} records into. */
export interface InferenceSpanOptions {
  request: CallRequest
  attribution: CallAttribution
  /** The started span, or `undefined` when no tracing SDK is registered. */
  span: Span | undefined
  /** Context with `span` active (the caller's context when there is no span). */
  context: Context
  /** The metric instruments, or `null` when no metrics SDK is registered. */
  instruments: InferenceInstruments | null
  /** Where the metric attributes of recurring label combinations are kept (one per telemetry). */
  metricAttributes: MetricAttributeCache
  names: SemconvNames
  /** Record `gen_ai.output.messages` from `CallResult.outputContent` at the end. Default `false`. */
  captureContent?: boolean
  /** Where a failure's `gen_ai.client.operation.exception` event goes. Default: none. */
  exceptionLogger?: ExceptionLoggerSource
}

/**
 * Creates the {@link InferenceSpan} of one call around an already started span. It counts
 * `finops.attribution.missing` right away when required attribution keys were missing. Without a
 * span and without instruments (no OpenTelemetry SDK) it is a no-op that only carries the context.
 */
export function createInferenceSpan(options: InferenceSpanOptions): InferenceSpan {
  if (options.span === undefined && options.instruments === null) return unrecordedInference(options.context)
  return new InferenceRecorder(options)
}

let lastUnrecorded: UnrecordedInference | undefined

/**
 * The no-op {@link InferenceSpan} of a call nothing records (no OpenTelemetry SDK), carrying
 * `context`. It holds no state, so calls in the same context share one.
 */
export function unrecordedInference(context: Context): InferenceSpan {
  if (lastUnrecorded?.context !== context) lastUnrecorded = new UnrecordedInference(context)
  return lastUnrecorded
}

/** The inference of a call nothing records: every method is a no-op. */
class UnrecordedInference implements InferenceSpan {
  readonly recording = false
  readonly recordsOutcome = false

  constructor(readonly context: Context) {}

  setCallSite(): void {}
  setModel(): void {}
  setPolicyKeys(): void {}
  setCacheHit(): void {}
  addEvent(): void {}
  firstChunk(): void {}
  succeed(): void {}
  deny(): void {}
  fail(): void {}
}

class InferenceRecorder implements InferenceSpan {
  readonly context: Context
  private readonly request: CallRequest
  private readonly attribution: CallAttribution
  private readonly span: Span | undefined
  readonly recording: boolean
  readonly recordsOutcome: boolean
  private readonly instruments: InferenceInstruments | null
  private readonly metricAttributes: MetricAttributeCache
  private readonly names: SemconvNames
  private readonly captureContent: boolean
  private readonly exceptionLogger: ExceptionLoggerSource | undefined
  private readonly startedAt = performance.now()
  private model: string
  private firstChunkSeconds: number | undefined
  private ended = false

  constructor(options: InferenceSpanOptions) {
    this.context = options.context
    this.request = options.request
    this.attribution = options.attribution
    this.span = options.span
    this.recording = options.span?.isRecording() ?? false
    this.instruments = options.instruments
    this.recordsOutcome = this.recording || this.instruments !== null
    this.metricAttributes = options.metricAttributes
    this.names = options.names
    this.captureContent = options.captureContent === true
    this.exceptionLogger = options.exceptionLogger
    this.model = options.request.model
    if (this.instruments !== null && options.attribution.missing.length > 0) {
      try {
        this.instruments.countMissingAttribution(metricAttributes(this.labels(undefined), this.metricAttributes.naming))
      } catch (error) {
        warn('startInference', error)
      }
    }
  }

  setCallSite(site: CallSite): void {
    if (this.ended || !this.recording || this.span === undefined) return
    try {
      this.span.setAttribute(ATTR_CODE_FILE_PATH, site.filePath)
      this.span.setAttribute(ATTR_CODE_LINE_NUMBER, site.lineNumber)
      this.span.setAttribute(ATTR_CODE_COLUMN_NUMBER, site.columnNumber)
      if (site.functionName !== undefined) this.span.setAttribute(ATTR_CODE_FUNCTION_NAME, site.functionName)
    } catch (error) {
      warn('setCallSite', error)
    }
  }

  setModel(model: string, downgradedFrom: string): void {
    if (this.ended) return
    try {
      this.model = model
      if (this.recording && this.span !== undefined) {
        this.span.setAttribute(ATTR_GEN_AI_REQUEST_MODEL, model)
        this.span.setAttribute(ATTR_FINOPS_MODEL_DOWNGRADED_FROM, downgradedFrom)
        this.span.updateName(`${this.request.operation} ${model}`)
      }
    } catch (error) {
      warn('setModel', error)
    }
  }

  setPolicyKeys(keys: string[]): void {
    if (this.ended || !this.recording || keys.length === 0) return
    try {
      this.span?.setAttribute(ATTR_FINOPS_POLICY_KEYS, keys)
    } catch (error) {
      warn('setPolicyKeys', error)
    }
  }

  setCacheHit(hit: boolean): void {
    if (this.ended || !this.recording) return
    try {
      this.span?.setAttribute(ATTR_FINOPS_CACHE_HIT, hit)
    } catch (error) {
      warn('setCacheHit', error)
    }
  }

  addEvent(name: string, attributes: Record<string, string | number | boolean>): void {
    if (this.ended || !this.recording) return
    try {
      this.span?.addEvent(name, attributes)
    } catch (error) {
      warn('addEvent', error)
    }
  }

  firstChunk(): void {
    if (this.ended || this.firstChunkSeconds !== undefined || !this.request.stream) return
    try {
      this.firstChunkSeconds = (performance.now() - this.startedAt) / 1000
      if (this.recording) this.span?.setAttribute(ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, this.firstChunkSeconds)
    } catch (error) {
      warn('firstChunk', error)
    }
  }

  succeed(outcome: InferenceOutcome): void {
    if (this.ended) return
    this.ended = true
    try {
      if (this.span !== undefined) {
        if (this.recording) this.span.setAttributes(this.outcomeAttributes({}, outcome))
        this.span.end()
      }
    } catch (error) {
      warn('succeed', error)
    }
    this.recordMetrics('succeed', outcome, undefined)
  }

  fail(error: unknown, outcome?: InferenceOutcome): void {
    if (this.ended) return
    this.ended = true
    let type: string | undefined
    try {
      type = errorType(error)
      if (this.span !== undefined) {
        if (this.recording) {
          const attributes: Attributes = { [ATTR_ERROR_TYPE]: type }
          if (outcome !== undefined) {
            this.outcomeAttributes(attributes, outcome)
            // A call that failed after it started (e.g. a cut stream) finished with an error.
            if (outcome.result.finishReasons === undefined) attributes[ATTR_GEN_AI_RESPONSE_FINISH_REASONS] = ['error']
          }
          this.span.setAttributes(attributes)
          this.span.recordException(asException(error))
          this.span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) })
        }
        this.span.end()
      }
    } catch (failure) {
      warn('fail', failure)
    }
    this.emitException(error)
    this.recordMetrics('fail', outcome, type)
  }

  deny(denial: LimitDenial): void {
    if (this.ended) return
    this.ended = true
    try {
      if (this.span !== undefined) {
        if (this.recording) {
          this.span.setAttributes({ [ATTR_ERROR_TYPE]: denial.reason, [ATTR_FINOPS_POLICY_KEY]: denial.policy })
          this.span.setStatus({
            code: SpanStatusCode.ERROR,
            message: `${denial.reason} limit of policy '${denial.policy}' exceeded`,
          })
        }
        this.span.end()
      }
    } catch (error) {
      warn('deny', error)
    }
    if (this.instruments === null) return
    try {
      const attributes = metricAttributes(this.labels(undefined), this.metricAttributes.naming)
      attributes[ATTR_FINOPS_GUARD_REASON] = denial.reason
      attributes[ATTR_FINOPS_POLICY_KEY] = policyWithoutPer(denial.policy)
      this.instruments.countDenial(attributes)
    } catch (error) {
      warn('deny', error)
    }
  }

  private outcomeAttributes(target: Attributes, outcome: InferenceOutcome): Attributes {
    addOutcomeAttributes(target, outcome, this.request, this.names)
    const output = outcome.result.outputContent
    if (this.captureContent && output !== undefined) addOutputContentAttributes(target, output)
    return target
  }

  private emitException(error: unknown): void {
    if (this.exceptionLogger === undefined) return
    try {
      const logger = this.exceptionLogger()
      if (logger !== null) emitExceptionEvent(logger, error, this.context)
    } catch (failure) {
      warn('fail', failure)
    }
  }

  private recordMetrics(method: string, outcome: InferenceOutcome | undefined, type: string | undefined): void {
    const instruments = this.instruments
    if (instruments === null) return
    try {
      const seconds = (performance.now() - this.startedAt) / 1000
      const labels = this.labels(outcome?.result.responseModel, outcome?.result.serviceTier)
      const attributes = this.metricAttributes.get(labels)
      const failed = type === undefined ? attributes : this.metricAttributes.get({ ...labels, errorType: type })
      // The duration of a failed call carries `error.type`, and in latest mode its usage too.
      instruments.recordDuration(seconds, failed.call, this.request.operation)
      if (this.firstChunkSeconds !== undefined) instruments.recordTimeToFirstChunk(this.firstChunkSeconds, attributes.call)
      // A cache hit used no provider tokens and cost nothing: no usage or cost points, only what it avoided.
      if (outcome?.cacheHit === true) {
        if (outcome.costAvoided !== undefined && outcome.cost !== null) instruments.addCostAvoided(outcome.costAvoided, outcome.cost.currency, attributes)
      } else if (outcome !== undefined) {
        // Estimated usage stays out of the `gen_ai.*` token metrics (the conventions forbid local counts there).
        if (outcome.result.estimated !== true) {
          instruments.recordUsage(outcome.result.usage, this.names.usageErrorType ? failed : attributes, this.request.operation)
        }
        if (outcome.cost !== null) instruments.addCost(outcome.cost.amount, outcome.cost.currency, attributes)
      }
    } catch (error) {
      warn(method, error)
    }
  }

  private labels(responseModel: string | undefined, serviceTier?: string): MetricLabels {
    const labels: MetricLabels = { request: this.request, model: this.model, attribution: this.attribution.values }
    if (responseModel !== undefined) labels.responseModel = responseModel
    if (serviceTier !== undefined) labels.serviceTier = serviceTier
    return labels
  }
}

/** A policy key without its `per` value (`support-rag/user=k.herings` → `support-rag`): metric attributes stay bounded. */
function policyWithoutPer(policy: string): string {
  const slash = policy.indexOf('/')
  return slash === -1 ? policy : policy.slice(0, slash)
}

function warn(method: string, error: unknown): void {
  diag.warn(`finops-ai: telemetry ${method} failed; the call is not affected`, error)
}
