import { numberField, objectField, setUsageCount, stringField, type NormalizedUsage } from '@finops-ai/core'

/**
 * Normalizes an Anthropic `usage` (`Usage`, `BetaUsage`, or the merged usage of a stream) to the
 * semconv shape:
 *
 * - `inputTokens = input_tokens + cache_read_input_tokens + cache_creation_input_tokens`
 *   (Anthropic's `input_tokens` excludes cache reads and writes);
 * - `cacheReadTokens = cache_read_input_tokens`;
 * - cache writes by TTL: `cacheWrite1hTokens = cache_creation.ephemeral_1h_input_tokens` and
 *   `cacheWriteTokens` (5 minutes) = the rest of `cache_creation_input_tokens` — so without the
 *   `cache_creation` breakdown every write counts as a 5-minute write;
 * - `reasoningTokens = output_tokens_details.thinking_tokens` (part of `output_tokens`);
 * - `webSearchRequests = server_tool_use.web_search_requests`.
 *
 * Returns `undefined` when `usage` has no `input_tokens`.
 */
export function readAnthropicUsage(usage: unknown): NormalizedUsage | undefined {
  const fields = objectField(usage)
  const uncached = numberField(fields?.input_tokens)
  if (fields === undefined || uncached === undefined) return undefined
  const cacheRead = numberField(fields.cache_read_input_tokens) ?? 0
  const breakdown = objectField(fields.cache_creation)
  const written5m = numberField(breakdown?.ephemeral_5m_input_tokens) ?? 0
  const written1h = numberField(breakdown?.ephemeral_1h_input_tokens) ?? 0
  const cacheWrite = numberField(fields.cache_creation_input_tokens) ?? written5m + written1h
  const cacheWrite1h = Math.min(written1h, cacheWrite)
  const normalized: NormalizedUsage = {
    inputTokens: uncached + cacheRead + cacheWrite,
    outputTokens: numberField(fields.output_tokens) ?? 0,
  }
  setUsageCount(normalized, 'cacheReadTokens', cacheRead)
  setUsageCount(normalized, 'cacheWriteTokens', cacheWrite - cacheWrite1h)
  setUsageCount(normalized, 'cacheWrite1hTokens', cacheWrite1h)
  setUsageCount(normalized, 'reasoningTokens', objectField(fields.output_tokens_details)?.thinking_tokens)
  setUsageCount(normalized, 'webSearchRequests', objectField(fields.server_tool_use)?.web_search_requests)
  return normalized
}

/**
 * Where inference ran, from an Anthropic `usage.inference_geo` (`"us"`, `"global"`, …): it selects
 * the geography's surcharge (`DEFAULT_INFERENCE_GEO_PRICES`). `undefined` when absent or `null`
 * (models before Claude Opus 4.6, Bedrock, Vertex AI).
 */
export function readInferenceGeo(usage: unknown): string | undefined {
  return stringField(objectField(usage)?.inference_geo)
}
