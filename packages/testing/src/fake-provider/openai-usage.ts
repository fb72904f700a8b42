import type { FakeUsage } from './fake-usage.js'
import type { JsonObject } from './fake-route.js'

/** `usage` of Chat Completions and legacy Completions (`CompletionUsage`). */
export function completionUsage(usage: FakeUsage): JsonObject {
  const cacheWrite = usage.cacheWrite5m + usage.cacheWrite1h
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
    prompt_tokens_details: {
      cached_tokens: usage.cached,
      audio_tokens: 0,
      ...(cacheWrite > 0 ? { cache_write_tokens: cacheWrite } : {}),
    },
    completion_tokens_details: {
      reasoning_tokens: usage.reasoning,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  }
}

/** `usage` of the Responses API (`ResponseUsage`). */
export function responseUsage(usage: FakeUsage): JsonObject {
  return {
    input_tokens: usage.input,
    input_tokens_details: { cached_tokens: usage.cached, cache_write_tokens: usage.cacheWrite5m + usage.cacheWrite1h },
    output_tokens: usage.output,
    output_tokens_details: { reasoning_tokens: usage.reasoning },
    total_tokens: usage.input + usage.output,
  }
}

/** The tier OpenAI reports: the override, else the requested tier with `auto` served as `default`. */
export function openaiServiceTier(usage: FakeUsage, requested: unknown): string {
  if (usage.serviceTier !== undefined) return usage.serviceTier
  return typeof requested === 'string' && requested !== 'auto' ? requested : 'default'
}
