import type { Attributes } from '@opentelemetry/api'

/** The attribute every GenAI semantic-convention span carries (`chat`, `embeddings`, `text_completion`, …). */
export const genAiOperationAttribute = 'gen_ai.operation.name'

/**
 * The part of a finished span the assertions read; `ReadableSpan` from the OTel SDK (1.x, 2.x or
 * 3.x) satisfies it. Plain `{ name, attributes }` objects do too: without the optional fields,
 * a span is related to no other and is finops-ai's when it has a `finops.*` attribute.
 */
export interface SpanLike {
  readonly name: string
  readonly attributes: Attributes
  /** Who created the span (SDK 2.x and 3.x); finops-ai's spans have `@finops-ai/core`. */
  readonly instrumentationScope?: { readonly name: string }
  /** Who created the span (SDK 1.x). */
  readonly instrumentationLibrary?: { readonly name: string }
  /** The span's own id, to link parents and children. */
  spanContext?(): { readonly spanId: string }
  /** The parent (SDK 2.x and 3.x). */
  readonly parentSpanContext?: { readonly spanId: string } | undefined
  /** The parent's id (SDK 1.x). */
  readonly parentSpanId?: string | undefined
}

/** Whether `span` records a GenAI call (it has `gen_ai.operation.name`). */
export function isGenAiSpan(span: SpanLike): boolean {
  return span.attributes[genAiOperationAttribute] !== undefined
}

/** The GenAI call spans among `spans`, in their order. */
export function genAiSpans<T extends SpanLike>(spans: Iterable<T>): T[] {
  const found: T[] = []
  for (const span of spans) if (isGenAiSpan(span)) found.push(span)
  return found
}
