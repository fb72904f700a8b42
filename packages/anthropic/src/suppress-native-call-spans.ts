import { context, INVALID_SPAN_CONTEXT, trace, type Context, type Span, type Tracer } from '@opentelemetry/api'
import { objectField } from '@finops-ai/core'

/** The name of the SDK's own call span for `messages.create` and `beta.messages.create` (and their helpers). */
const NATIVE_CALL_SPAN = 'anthropic.messages.create'

/** The placeholder spans handed to the SDK in place of its call spans. */
const placeholders = new WeakSet<Span>()

/**
 * Keeps `@anthropic-ai/sdk` (≥ 1.0, which traces its API calls when a tracer provider is
 * registered) from starting a second GenAI CLIENT span for a call finops-ai already spans.
 *
 * The client's tracer (`client._tracer`, read by the SDK per call) is replaced on this instance by
 * one that answers a start of `anthropic.messages.create` with a non-recording placeholder carrying
 * the active span context, and delegates every other span (count_tokens, models, batches, files,
 * tool runner, ...) to the SDK's tracer. The SDK records and ends nothing on a placeholder, but
 * still propagates its context (`traceparent`) as its `propagation` option says, so the request
 * carries the finops-ai span. A client whose tracing is off (`openTelemetry: false`,
 * `ANTHROPIC_OPEN_TELEMETRY=false`) is left as it is.
 */
export function suppressNativeCallSpans(client: object): void {
  const target = client as { _tracer?: Tracer }
  const tracer = target._tracer
  if (tracer === undefined || typeof tracer.startSpan !== 'function') return
  const filtering: Tracer = {
    startSpan(name, options, parent) {
      if (name !== NATIVE_CALL_SPAN) return tracer.startSpan(name, options, parent)
      return placeholder(parent ?? context.active())
    },
    startActiveSpan: ((...args: unknown[]) =>
      (tracer.startActiveSpan as (...rest: unknown[]) => unknown).apply(tracer, args)) as Tracer['startActiveSpan'],
  }
  target._tracer = filtering
}

/**
 * The request options of a call whose span a stream helper (`messages.stream`) started before the
 * call reached finops-ai: its placeholder is replaced by one carrying the active span context (the
 * finops-ai span, when called inside it), so the request propagates that span. Other options are
 * returned as they are.
 */
export function reparentPlaceholderSpan(options: unknown): unknown {
  const fields = objectField(options)
  const call = objectField(fields?.__span)
  if (call === undefined || !placeholders.has(call.span as Span)) return options
  if (trace.getSpanContext(context.active()) === undefined) return options
  return { ...fields, __span: { ...call, span: placeholder(context.active()) } }
}

/** A non-recording span with the span context of `parent` (invalid when it has no span). */
function placeholder(parent: Context): Span {
  const span = trace.wrapSpanContext(trace.getSpanContext(parent) ?? INVALID_SPAN_CONTEXT)
  placeholders.add(span)
  return span
}
