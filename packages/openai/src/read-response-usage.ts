import { setUsageCount, type NormalizedUsage } from '@finops-ai/core'
import { numberField, objectField } from './operation-request.js'

/**
 * Normalizes a Responses API `usage` (`ResponseUsage`, also in `response.completed` stream
 * events): `input_tokens` (cached and cache-written included), `output_tokens` (reasoning
 * included), `input_tokens_details.cached_tokens` and `.cache_write_tokens`,
 * `output_tokens_details.reasoning_tokens`. Cache writes are split by retention when
 * `input_tokens_details.cache_write_tokens_details` says: `ttl_30m_tokens` → `cacheWriteTokens`
 * (the default TTL), `ttl_12h_tokens` → `cacheWrite1hTokens` (the extended TTL; priced at the
 * table's extended-TTL price, which falls back to the one cache-write price OpenAI publishes);
 * tokens the split leaves unexplained count at the default TTL. Returns `undefined` when it
 * carries no token counts.
 */
export function readResponseUsage(usage: unknown): NormalizedUsage | undefined {
  const fields = objectField(usage)
  const inputTokens = numberField(fields?.input_tokens)
  if (fields === undefined || inputTokens === undefined) return undefined
  const normalized: NormalizedUsage = { inputTokens, outputTokens: numberField(fields.output_tokens) ?? 0 }
  const input = objectField(fields.input_tokens_details)
  setUsageCount(normalized, 'cacheReadTokens', input?.cached_tokens)
  const written = numberField(input?.cache_write_tokens) ?? 0
  const ttl = objectField(input?.cache_write_tokens_details)
  const extended = numberField(ttl?.ttl_12h_tokens) ?? 0
  setUsageCount(normalized, 'cacheWriteTokens', Math.max(numberField(ttl?.ttl_30m_tokens) ?? 0, written - extended))
  setUsageCount(normalized, 'cacheWrite1hTokens', extended)
  setUsageCount(normalized, 'reasoningTokens', objectField(fields.output_tokens_details)?.reasoning_tokens)
  return normalized
}
