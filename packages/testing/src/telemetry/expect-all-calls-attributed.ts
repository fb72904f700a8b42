import type { AttributeValue, Attributes } from '@opentelemetry/api'
import { attributionAttributeName } from '@finops-ai/core'
import { callSite } from './call-site.js'
import { type SpanLike, genAiOperationAttribute, genAiSpans } from './gen-ai-spans.js'

/** Options of {@link expectAllCallsAttributed}. */
export interface ExpectAllCallsAttributedOptions {
  /**
   * Attribution keys every GenAI call must carry, e.g. `['team', 'feature']` (`user`, `team`,
   * `feature`, `costCenter`, or a custom key). With none listed (the default `[]`), a call passes
   * when it carries at least one attribution key.
   */
  required?: readonly string[]
  /** Pass when there is no GenAI span at all. Default `false`: a test that made no call is probably broken. */
  allowEmpty?: boolean
}

/** The spans to check: an array or iterable of finished spans, or a capture from `captureTelemetry()`. */
export type SpansToCheck = Iterable<SpanLike> | { spans(): Iterable<SpanLike> }

const wellKnownAttributes = ['enduser.id', 'team.name', 'feature.name', 'cost_center']
const customPrefix = 'finops.attribution.'
// Set by the engine on unattributed calls; it is a marker, not an attribution key.
const missingMarker = 'finops.attribution.missing'

function isPresent(value: AttributeValue | undefined): boolean {
  return value !== undefined && value !== null && value !== ''
}

function carriesAnyAttribution(attributes: Attributes): boolean {
  for (const name in attributes) {
    const isAttribution = wellKnownAttributes.includes(name) || (name.startsWith(customPrefix) && name !== missingMarker)
    if (isAttribution && isPresent(attributes[name])) return true
  }
  return false
}

function missingKeys(attributes: Attributes, required: readonly string[]): string[] {
  if (required.length === 0) return carriesAnyAttribution(attributes) ? [] : ['any attribution key']
  return required.filter((key) => !isPresent(attributes[attributionAttributeName(key)])).map((key) => `${key} (${attributionAttributeName(key)})`)
}

function describeCall(span: SpanLike): string {
  const operation = String(span.attributes[genAiOperationAttribute])
  const model = span.attributes['gen_ai.request.model'] ?? span.attributes['gen_ai.response.model']
  const call = model === undefined ? operation : `${operation} ${String(model)}`
  return span.name === call ? `"${call}"` : `"${call}" (span "${span.name}")`
}

/**
 * Asserts that every GenAI call span (one with `gen_ai.operation.name`) carries the required
 * attribution, read from the span attributes the engine writes (`user` → `enduser.id`, `team` →
 * `team.name`, `feature` → `feature.name`, `costCenter` → `cost_center`, `k` → `finops.attribution.k`;
 * an empty string counts as missing). Other spans are ignored. Only finished spans are seen: await
 * the calls (and drain streams) first.
 *
 * Works with any test runner: on failure it throws a plain `Error` listing each offending call with
 * its missing keys and, when the span records it (`code.file.path` + `code.line.number`, or
 * `code.stacktrace`), where the call was made. It also throws when there is no GenAI span at all,
 * unless `allowEmpty` is set.
 *
 * @example
 * const telemetry = captureTelemetry()
 * await answerTicket(ticket)
 * expectAllCallsAttributed(telemetry.spans(), { required: ['team', 'feature'] })
 */
export function expectAllCallsAttributed(spans: SpansToCheck, options: ExpectAllCallsAttributedOptions = {}): void {
  const required = options.required ?? []
  const all = [...('spans' in spans && typeof spans.spans === 'function' ? spans.spans() : (spans as Iterable<SpanLike>))]
  const calls = genAiSpans(all)
  if (calls.length === 0) {
    if (options.allowEmpty) return
    throw new Error(
      `expectAllCallsAttributed: no GenAI call span (one with ${genAiOperationAttribute}) among ${all.length} finished span(s). ` +
        'Was the client wrapped with withFinOps(), telemetry captured before the calls, and every call awaited? ' +
        'Pass { allowEmpty: true } if the test makes no call on purpose.',
    )
  }
  const failures: string[] = []
  for (const span of calls) {
    const missing = missingKeys(span.attributes, required)
    if (missing.length === 0) continue
    const site = callSite(span.attributes)
    const location = site === undefined ? 'call site unknown (the span has no code.file.path or code.stacktrace)' : `at ${site}`
    failures.push(`  ${failures.length + 1}. ${describeCall(span)} missing ${missing.join(', ')}; ${location}`)
  }
  if (failures.length === 0) return
  const requirement = required.length === 0 ? 'at least one attribution key' : `required: ${required.join(', ')}`
  throw new Error(
    `expectAllCallsAttributed: ${failures.length} of ${calls.length} GenAI call(s) lack attribution (${requirement}):\n${failures.join('\n')}`,
  )
}
