import type { Attributes } from '@opentelemetry/api'

/** The attribute every GenAI semantic-convention span carries (`chat`, `embeddings`, `text_completion`, …). */
export const genAiOperationAttribute = 'gen_ai.operation.name'

/** The part of a finished span the assertions read; `ReadableSpan` from the OTel SDK satisfies it. */
export interface SpanLike {
  readonly name: string
  readonly attributes: Attributes
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
