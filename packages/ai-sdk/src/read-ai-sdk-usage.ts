import { numberField, objectField, setUsageCount, type NormalizedUsage } from '@finops-ai/core'

/**
 * Normalizes the usage an AI SDK language model reports (`LanguageModelV3Usage`, and the same
 * shape in V4) to the semconv shape:
 *
 * - `inputTokens = inputTokens.total` (cached reads and writes included), else
 *   `noCache + cacheRead + cacheWrite`;
 * - `cacheReadTokens = inputTokens.cacheRead`;
 * - cache writes by TTL: `cacheWrite1hTokens` from the provider's raw usage
 *   (`usage.raw`, else `providerMetadata.anthropic.usage`) `cache_creation.ephemeral_1h_input_tokens`,
 *   and `cacheWriteTokens` (5 minutes) the rest of `inputTokens.cacheWrite`;
 * - `outputTokens = outputTokens.total` (reasoning included), else `text + reasoning`;
 *   `reasoningTokens = outputTokens.reasoning`;
 * - `webSearchRequests` from the raw usage's `server_tool_use.web_search_requests` (Anthropic).
 *
 * Returns `undefined` when no input count is reported (a stream cut before its `finish` usage).
 */
export function readAiSdkUsage(usage: unknown, providerMetadata: unknown): NormalizedUsage | undefined {
  const fields = objectField(usage)
  const input = objectField(fields?.inputTokens)
  const output = objectField(fields?.outputTokens)
  const cacheRead = numberField(input?.cacheRead) ?? 0
  const cacheWrite = numberField(input?.cacheWrite) ?? 0
  const uncached = numberField(input?.noCache)
  const inputTokens = numberField(input?.total) ?? (uncached === undefined ? undefined : uncached + cacheRead + cacheWrite)
  if (fields === undefined || inputTokens === undefined) return undefined
  const reasoning = numberField(output?.reasoning)
  const outputTokens = numberField(output?.total) ?? (numberField(output?.text) ?? 0) + (reasoning ?? 0)
  const raw = objectField(fields.raw) ?? objectField(objectField(objectField(providerMetadata)?.anthropic)?.usage)
  const written1h = Math.min(numberField(objectField(raw?.cache_creation)?.ephemeral_1h_input_tokens) ?? 0, cacheWrite)
  const normalized: NormalizedUsage = { inputTokens, outputTokens }
  setUsageCount(normalized, 'cacheReadTokens', cacheRead)
  setUsageCount(normalized, 'cacheWriteTokens', cacheWrite - written1h)
  setUsageCount(normalized, 'cacheWrite1hTokens', written1h)
  setUsageCount(normalized, 'reasoningTokens', reasoning)
  setUsageCount(normalized, 'webSearchRequests', objectField(raw?.server_tool_use)?.web_search_requests)
  return normalized
}
