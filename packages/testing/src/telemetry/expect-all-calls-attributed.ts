import type { AttributeValue, Attributes } from '@opentelemetry/api'
import { attributionAttributeName, isFinOpsSpan } from '@finops-ai/core'
import { bypassedCalls } from './bypassed-calls.js'
import { callSite } from './call-site.js'
import { type SpanLike, genAiOperationAttribute, isGenAiSpan } from './gen-ai-spans.js'

/** Options of {@link expectAllCallsAttributed}. */
export interface ExpectAllCallsAttributedOptions {
  /**
   * Attribution keys every GenAI call must carry, e.g. `['team', 'feature']` (`user`, `team`,
   * `feature`, `costCenter`, or a custom key). With none listed (the default `[]`), a call passes
   * when it carries at least one attribution key.
   */
  required?: readonly string[]
  /** Pass when there is no model call span at all. Default `false`: a test that made no call is probably broken. */
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

/** Whether `key` is present under its default or its namespaced attribute name (`attributeNames: 'namespaced'`). */
function carriesKey(attributes: Attributes, key: string): boolean {
  return isPresent(attributes[attributionAttributeName(key)]) || isPresent(attributes[attributionAttributeName(key, 'namespaced')])
}

function missingKeys(attributes: Attributes, required: readonly string[]): string[] {
  if (required.length === 0) return carriesAnyAttribution(attributes) ? [] : ['any attribution key']
  return required.filter((key) => !carriesKey(attributes, key)).map((key) => `${key} (${attributionAttributeName(key)})`)
}

function describeCall(span: SpanLike): string {
  const attributes = span.attributes
  const model = attributes['gen_ai.request.model'] ?? attributes['gen_ai.response.model'] ?? attributes['ai.model.id']
  const operation = attributes[genAiOperationAttribute]
  if (operation === undefined) {
    // A Vercel AI SDK span: its name is the operation; the provider and model follow.
    const what = [attributes['ai.model.provider'] ?? attributes['gen_ai.system'], model].filter((part) => part !== undefined)
    return what.length === 0 ? `"${span.name}"` : `"${span.name}" (${what.map(String).join(' ')})`
  }
  const call = model === undefined ? String(operation) : `${String(operation)} ${String(model)}`
  return span.name === call ? `"${call}"` : `"${call}" (span "${span.name}")`
}

function location(span: SpanLike): string {
  const site = callSite(span.attributes)
  return site === undefined ? 'call site unknown (the span has no code.file.path or code.stacktrace)' : `at ${site}`
}

/**
 * Asserts that every model call in `spans` went through finops-ai and carries the required
 * attribution.
 *
 * - finops-ai's GenAI call spans (instrumentation scope `@finops-ai/core`, or a `finops.*`
 *   attribute on plain objects) must carry the required keys, read from the span attributes the
 *   engine writes (`user` → `enduser.id`, `team` → `team.name`, `feature` → `feature.name`,
 *   `costCenter` → `cost_center`, `k` → `finops.attribution.k`, or the `finops.attribution.*` names of
 *   `attributeNames: 'namespaced'`; an empty string counts as missing).
 * - Model calls recorded by someone else — Vercel AI SDK `ai.*.doGenerate` / `doStream` /
 *   `doEmbed` spans (with `experimental_telemetry: { isEnabled: true }`), GenAI spans of another
 *   instrumentation — fail as bypassing finops-ai (no guards, no cost, no attribution), unless a
 *   finops-ai span is their ancestor or descendant (the same call, seen through finops-ai).
 *
 * Agent and tool spans and other spans are ignored. Only finished spans are seen: await the calls
 * (and drain streams) first. Calls that leave no span cannot be seen.
 *
 * Works with any test runner: on failure it throws a plain `Error` listing each offending call
 * and, when the span records it (`code.file.path` + `code.line.number`, or `code.stacktrace`),
 * where the call was made. It also throws when there is no model call span at all, unless
 * `allowEmpty` is set.
 *
 * @example
 * const telemetry = captureTelemetry()
 * await answerTicket(ticket)
 * expectAllCallsAttributed(telemetry.spans(), { required: ['team', 'feature'] })
 */
export function expectAllCallsAttributed(spans: SpansToCheck, options: ExpectAllCallsAttributedOptions = {}): void {
  const required = options.required ?? []
  const all = [...('spans' in spans && typeof spans.spans === 'function' ? spans.spans() : (spans as Iterable<SpanLike>))]
  const bypassed = new Set(bypassedCalls(all))
  const calls = all.filter((span) => bypassed.has(span) || (isGenAiSpan(span) && isFinOpsSpan(span)))
  if (calls.length === 0) {
    if (options.allowEmpty) return
    throw new Error(
      `expectAllCallsAttributed: no model call span (a GenAI span with ${genAiOperationAttribute}, or an AI SDK ` +
        `doGenerate/doStream/doEmbed span) among ${all.length} finished span(s). ` +
        'Was the client wrapped with withFinOps(), telemetry captured before the calls, and every call awaited? ' +
        'Pass { allowEmpty: true } if the test makes no call on purpose.',
    )
  }
  const failures: string[] = []
  for (const span of calls) {
    const number = `  ${failures.length + 1}.`
    if (bypassed.has(span)) {
      failures.push(`${number} ${describeCall(span)} did not go through finops-ai (no guards, no cost, no attribution); ${location(span)}`)
      continue
    }
    const missing = missingKeys(span.attributes, required)
    if (missing.length > 0) failures.push(`${number} ${describeCall(span)} missing ${missing.join(', ')}; ${location(span)}`)
  }
  if (failures.length === 0) return
  const requirement = required.length === 0 ? 'at least one attribution key' : `required: ${required.join(', ')}`
  throw new Error(
    `expectAllCallsAttributed: ${failures.length} of ${calls.length} GenAI call(s) lack attribution (${requirement}):\n${failures.join('\n')}`,
  )
}
