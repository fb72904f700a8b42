import type { Attributes } from '@opentelemetry/api'
import type { CallRequest } from '../call/call-request.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import {
  ATTR_FINOPS_BUDGET_REMAINING,
  ATTR_FINOPS_COST_AMOUNT,
  ATTR_FINOPS_COST_AVOIDED,
  ATTR_FINOPS_COST_CURRENCY,
  ATTR_FINOPS_COST_INPUT,
  ATTR_FINOPS_COST_OUTPUT,
  ATTR_FINOPS_POLICY_KEYS,
  ATTR_FINOPS_PRICE_DATA_DATE,
  ATTR_FINOPS_PRICE_SOURCE,
  ATTR_FINOPS_STORE_DEGRADED,
  ATTR_FINOPS_USAGE_ESTIMATED,
  ATTR_FINOPS_USAGE_INPUT_TOKENS,
  ATTR_FINOPS_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_COST_AMOUNT,
  ATTR_GEN_AI_USAGE_COST_CURRENCY,
  ATTR_GEN_AI_USAGE_COST_SOURCE,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  ATTR_OPENAI_RESPONSE_SERVICE_TIER,
  GEN_AI_USAGE_COST_SOURCE_VALUE_LOCAL,
  type SemconvNames,
} from './semconv.js'
import { addProviderAttributes } from './provider-attributes.js'
import type { InferenceOutcome } from './telemetry-types.js'

/** Cache-write input tokens of both TTLs together, or `undefined` when the provider reported none. */
export function cacheWriteTokens(usage: NormalizedUsage): number | undefined {
  if (usage.cacheWriteTokens === undefined && usage.cacheWrite1hTokens === undefined) return undefined
  return (usage.cacheWriteTokens ?? 0) + (usage.cacheWrite1hTokens ?? 0)
}

/**
 * Writes what is known when a call ends into `target`: `gen_ai.response.{id,model,finish_reasons}`,
 * `openai.response.service_tier` (provider `openai` only), the result's provider attributes in the
 * provider's namespace, `gen_ai.usage.*` (cache writes of both
 * TTLs summed under the mode's name; no output tokens for embeddings; when the usage was
 * estimated, none: the conventions forbid reporting local counts there, so the estimate goes to
 * `finops.usage.{input,output}_tokens` instead), `finops.cost.*` and `finops.price.source` (omitted when the
 * cost is `null`; plus `gen_ai.usage.cost.*` when `names.costAttributes`), `finops.policy.keys`
 * (when not empty), `finops.budget.remaining`, `finops.usage.estimated` and `finops.store.degraded`
 * (only when true), `finops.cost.avoided` (a response-cache hit, whose replayed usage goes to
 * `finops.usage.*` like an estimate's).
 */
export function addOutcomeAttributes(
  target: Attributes,
  outcome: InferenceOutcome,
  request: Pick<CallRequest, 'provider' | 'operation'>,
  names: SemconvNames,
): Attributes {
  const result = outcome.result
  if (result.responseId !== undefined) target[ATTR_GEN_AI_RESPONSE_ID] = result.responseId
  if (result.responseModel !== undefined) target[ATTR_GEN_AI_RESPONSE_MODEL] = result.responseModel
  if (result.finishReasons !== undefined) target[ATTR_GEN_AI_RESPONSE_FINISH_REASONS] = result.finishReasons
  if (result.serviceTier !== undefined && request.provider === 'openai') target[ATTR_OPENAI_RESPONSE_SERVICE_TIER] = result.serviceTier
  if (result.providerAttributes !== undefined) addProviderAttributes(target, result.providerAttributes, request.provider)

  const usage = result.usage
  // Estimated or replayed (a cache hit) usage is not provider-counted usage of this call.
  if (result.estimated === true || outcome.cacheHit === true) {
    target[ATTR_FINOPS_USAGE_INPUT_TOKENS] = usage.inputTokens
    if (request.operation !== 'embeddings') target[ATTR_FINOPS_USAGE_OUTPUT_TOKENS] = usage.outputTokens
  } else {
    target[ATTR_GEN_AI_USAGE_INPUT_TOKENS] = usage.inputTokens
    if (request.operation !== 'embeddings') target[ATTR_GEN_AI_USAGE_OUTPUT_TOKENS] = usage.outputTokens
    if (usage.cacheReadTokens !== undefined) target[ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS] = usage.cacheReadTokens
    const cacheWrite = cacheWriteTokens(usage)
    if (cacheWrite !== undefined) target[names.cacheWriteInputTokens] = cacheWrite
    if (usage.reasoningTokens !== undefined) target[ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS] = usage.reasoningTokens
  }

  const cost = outcome.cost
  if (cost !== null) {
    target[ATTR_FINOPS_COST_AMOUNT] = cost.amount
    target[ATTR_FINOPS_COST_CURRENCY] = cost.currency
    target[ATTR_FINOPS_COST_INPUT] = cost.input
    target[ATTR_FINOPS_COST_OUTPUT] = cost.output
    target[ATTR_FINOPS_PRICE_SOURCE] = cost.source
    if (cost.dataDate !== undefined) target[ATTR_FINOPS_PRICE_DATA_DATE] = cost.dataDate
    if (names.costAttributes) {
      target[ATTR_GEN_AI_USAGE_COST_AMOUNT] = cost.amount
      target[ATTR_GEN_AI_USAGE_COST_CURRENCY] = cost.currency
      target[ATTR_GEN_AI_USAGE_COST_SOURCE] = GEN_AI_USAGE_COST_SOURCE_VALUE_LOCAL
    }
  }
  if (outcome.policyKeys.length > 0) target[ATTR_FINOPS_POLICY_KEYS] = outcome.policyKeys
  if (outcome.budgetRemaining !== undefined) target[ATTR_FINOPS_BUDGET_REMAINING] = outcome.budgetRemaining
  if (result.estimated === true) target[ATTR_FINOPS_USAGE_ESTIMATED] = true
  if (outcome.storeDegraded === true) target[ATTR_FINOPS_STORE_DEGRADED] = true
  if (outcome.costAvoided !== undefined) target[ATTR_FINOPS_COST_AVOIDED] = outcome.costAvoided
  return target
}
