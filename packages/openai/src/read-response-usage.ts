import { setUsageCount, type NormalizedUsage } from '@finops-ai/core'
import { numberField, objectField } from './operation-request.js'

/**
 * Normalizes a Responses API `usage` (`ResponseUsage`): `input_tokens` (cached included),
 * `output_tokens` (reasoning included), `input_tokens_details.cached_tokens`,
 * `output_tokens_details.reasoning_tokens`. Returns `undefined` when it carries no token counts.
 */
export function readResponseUsage(usage: unknown): NormalizedUsage | undefined {
  const fields = objectField(usage)
  const inputTokens = numberField(fields?.input_tokens)
  if (fields === undefined || inputTokens === undefined) return undefined
  const normalized: NormalizedUsage = { inputTokens, outputTokens: numberField(fields.output_tokens) ?? 0 }
  setUsageCount(normalized, 'cacheReadTokens', objectField(fields.input_tokens_details)?.cached_tokens)
  setUsageCount(normalized, 'reasoningTokens', objectField(fields.output_tokens_details)?.reasoning_tokens)
  return normalized
}
