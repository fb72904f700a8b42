import { isFinOpsSpan, isModelCallSpan } from '@finops-ai/core'
import type { SpanLike } from './gen-ai-spans.js'

function parentId(span: SpanLike): string | undefined {
  return span.parentSpanContext?.spanId ?? span.parentSpanId
}

/** The ids of `span`'s ancestors, nearest first, as far as `byId` holds them. */
function* ancestorIds(span: SpanLike, byId: ReadonlyMap<string, SpanLike>): Generator<string> {
  const seen = new Set<string>()
  for (let id = parentId(span); id !== undefined && !seen.has(id); ) {
    seen.add(id)
    yield id
    const parent = byId.get(id)
    id = parent === undefined ? undefined : parentId(parent)
  }
}

/**
 * The model calls among finished `spans` that went through no finops-ai engine, in their order:
 * spans that record a model call (a GenAI span of a model operation from another instrumentation,
 * or a Vercel AI SDK `ai.*.doGenerate` / `doStream` / `doEmbed` span), were not recorded by
 * finops-ai, and have no finops-ai span among their ancestors or descendants. A framework's span
 * around a call a finops-ai wrapper or middleware made, or another instrumentation's span inside
 * it, is the same call: it is not returned. Spans without ids (plain objects) are related to none.
 */
export function bypassedCalls<T extends SpanLike>(spans: Iterable<T>): T[] {
  const all = [...spans]
  const byId = new Map<string, T>()
  for (const span of all) {
    const id = span.spanContext?.().spanId
    if (id !== undefined) byId.set(id, span)
  }
  const finopsIds = new Set<string>()
  const aboveFinOps = new Set<string>()
  for (const [id, span] of byId) {
    if (!isFinOpsSpan(span)) continue
    finopsIds.add(id)
    for (const ancestor of ancestorIds(span, byId)) aboveFinOps.add(ancestor)
  }
  return all.filter((span) => {
    if (isFinOpsSpan(span) || !isModelCallSpan(span)) return false
    const id = span.spanContext?.().spanId
    if (id !== undefined && aboveFinOps.has(id)) return false
    for (const ancestor of ancestorIds(span, byId)) if (finopsIds.has(ancestor)) return false
    return true
  })
}
