import type { Attributes } from '@opentelemetry/api'
import { INSTRUMENTATION_SCOPE_NAME } from './create-telemetry.js'
import { ATTR_GEN_AI_OPERATION_NAME } from './semconv.js'

/**
 * The part of a span that tells who recorded it and what it records. A `ReadableSpan` of the OTel
 * SDK (1.x, 2.x or 3.x) satisfies it, and so does a started SDK `Span`.
 */
export interface SpanOrigin {
  readonly name: string
  readonly attributes: Attributes
  /** Who created the span (SDK 2.x and 3.x). */
  readonly instrumentationScope?: { readonly name: string }
  /** Who created the span (SDK 1.x). */
  readonly instrumentationLibrary?: { readonly name: string }
}

/**
 * `gen_ai.operation.name` values of calls that a model bills: inference (`chat`, `text_completion`,
 * `generate_content`) and `embeddings`. Agent and tool operations (`invoke_agent`, `execute_tool`,
 * ...) are not model calls: the model calls they make have spans of their own.
 */
const modelOperations: ReadonlySet<unknown> = new Set(['chat', 'text_completion', 'generate_content', 'embeddings'])

/**
 * `ai.operationId` of the Vercel AI SDK's spans around one provider request (AI SDK 6 with
 * `experimental_telemetry: { isEnabled: true }`); its outer spans (`ai.generateText`, ...) group
 * several of them and are not calls.
 */
const aiSdkModelCalls: ReadonlySet<unknown> = new Set([
  'ai.generateText.doGenerate',
  'ai.streamText.doStream',
  'ai.generateObject.doGenerate',
  'ai.streamObject.doStream',
  'ai.embed.doEmbed',
  'ai.embedMany.doEmbed',
])

const finopsAttributePrefix = 'finops.'

/**
 * Whether a finops-ai engine recorded `span`: its instrumentation scope is `@finops-ai/core` or,
 * for spans that do not carry a scope (plain objects in tests), it has a `finops.*` attribute.
 */
export function isFinOpsSpan(span: SpanOrigin): boolean {
  const scope = span.instrumentationScope ?? span.instrumentationLibrary
  if (scope !== undefined) return scope.name === INSTRUMENTATION_SCOPE_NAME
  for (const name in span.attributes) if (name.startsWith(finopsAttributePrefix)) return true
  return false
}

/**
 * Whether `span` records one model call, whoever recorded it: a GenAI semantic-convention span of
 * a model operation (finops-ai's own, `@opentelemetry/instrumentation-openai`, OpenLLMetry, ...) or
 * a Vercel AI SDK `ai.*.doGenerate` / `doStream` / `doEmbed` span.
 */
export function isModelCallSpan(span: SpanOrigin): boolean {
  return modelOperations.has(span.attributes[ATTR_GEN_AI_OPERATION_NAME]) || aiSdkModelCalls.has(span.attributes['ai.operationId'])
}
