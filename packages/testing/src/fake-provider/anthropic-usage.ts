import type { FakeUsage } from './fake-usage.js'
import type { JsonObject } from './fake-route.js'

/**
 * Anthropic's `usage`: `input_tokens` EXCLUDES cache reads and writes (they have their own fields);
 * `output_tokens` includes thinking, broken out in `output_tokens_details.thinking_tokens`.
 */
export function anthropicUsage(usage: FakeUsage, outputTokens = usage.output): JsonObject {
  return {
    input_tokens: usage.uncached,
    cache_creation_input_tokens: usage.cacheWrite5m + usage.cacheWrite1h,
    cache_read_input_tokens: usage.cached,
    cache_creation: {
      ephemeral_5m_input_tokens: usage.cacheWrite5m,
      ephemeral_1h_input_tokens: usage.cacheWrite1h,
    },
    output_tokens: outputTokens,
    output_tokens_details: usage.reasoning > 0 ? { thinking_tokens: usage.reasoning } : null,
    server_tool_use: { web_search_requests: usage.webSearchRequests, web_fetch_requests: 0 },
    service_tier: usage.serviceTier ?? 'standard',
    inference_geo: usage.inferenceGeo ?? null,
  }
}

/** The cumulative usage of a streamed `message_delta` event (`MessageDeltaUsage`). */
export function anthropicDeltaUsage(usage: FakeUsage): JsonObject {
  const { cache_creation: _creation, service_tier: _tier, inference_geo: _geo, ...delta } = anthropicUsage(usage)
  return delta
}
