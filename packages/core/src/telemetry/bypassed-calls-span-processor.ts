import { trace, type Context, type SpanContext } from '@opentelemetry/api'
import { countBypassedCall } from '../engine/coverage-tracker.js'
import { isFinOpsSpan, isModelCallSpan, type SpanOrigin } from './model-call-span.js'

/** A span as a span processor sees it: an SDK `Span` on start, a `ReadableSpan` on end. */
export interface ProcessedSpan extends SpanOrigin {
  spanContext(): SpanContext
  /** The parent (SDK 2.x and 3.x). */
  readonly parentSpanContext?: SpanContext | undefined
  /** The parent's id (SDK 1.x). */
  readonly parentSpanId?: string | undefined
}

/**
 * The OpenTelemetry SDK `SpanProcessor` contract (SDK 1.x, 2.x and 3.x), declared structurally
 * because core depends on no SDK. Pass it in the tracer provider's `spanProcessors`.
 */
export interface BypassedCallsSpanProcessor {
  onStart(span: ProcessedSpan, parentContext: Context): void
  onEnd(span: ProcessedSpan): void
  forceFlush(): Promise<void>
  shutdown(): Promise<void>
}

interface OpenSpan {
  readonly parent: OpenSpan | undefined
  readonly finops: boolean
  /** A finops-ai span is this span's ancestor (e.g. an OpenAI instrumentation span inside ours). */
  readonly belowFinOps: boolean
  /** A finops-ai span is this span's descendant (e.g. the AI SDK's `doGenerate` around our middleware's span). */
  aboveFinOps: boolean
}

// Spans that never end (a bug elsewhere) must not grow the map without bound.
const maxOpenSpans = 10_000

/**
 * A span processor that counts the model calls which went through no finops-ai engine, for
 * `finops.coverage().calls.bypassed`. A span counts when it records a model call (a GenAI span
 * of a model operation, or a Vercel AI SDK `ai.*.doGenerate` / `doStream` / `doEmbed` span), was
 * not recorded by finops-ai, and has no finops-ai span among its ancestors or descendants: a
 * framework's span around a call that a finops-ai wrapper or middleware made is the same call,
 * counted once, by the engine.
 *
 * It sees only what reaches this tracer provider: calls that leave no span (raw `fetch`, SDKs
 * without instrumentation, the AI SDK without `experimental_telemetry`) and other processes are
 * invisible to it. Descendants are linked through the active context, so register a context
 * manager (the Node SDK does).
 *
 * @example
 * const tracerProvider = new NodeTracerProvider({ spanProcessors: [bypassedCallsSpanProcessor(), exportingProcessor] })
 * // later
 * finops.coverage().calls.bypassed
 */
export function bypassedCallsSpanProcessor(): BypassedCallsSpanProcessor {
  const open = new Map<string, OpenSpan>()
  return {
    onStart(span, parentContext) {
      const parentId = span.parentSpanContext?.spanId ?? span.parentSpanId ?? trace.getSpanContext(parentContext)?.spanId
      const parent = parentId === undefined ? undefined : open.get(parentId)
      const finops = isFinOpsSpan(span)
      const belowFinOps = parent !== undefined && (parent.finops || parent.belowFinOps)
      if (open.size >= maxOpenSpans) open.delete(open.keys().next().value as string)
      open.set(span.spanContext().spanId, { parent, finops, belowFinOps, aboveFinOps: false })
      if (!finops) return
      for (let ancestor = parent; ancestor !== undefined && !ancestor.aboveFinOps; ancestor = ancestor.parent) ancestor.aboveFinOps = true
    },
    onEnd(span) {
      const id = span.spanContext().spanId
      const state = open.get(id)
      open.delete(id)
      const throughFinOps = state === undefined ? isFinOpsSpan(span) : state.finops || state.belowFinOps || state.aboveFinOps
      if (!throughFinOps && isModelCallSpan(span)) countBypassedCall()
    },
    forceFlush: () => Promise.resolve(),
    shutdown() {
      open.clear()
      return Promise.resolve()
    },
  }
}
