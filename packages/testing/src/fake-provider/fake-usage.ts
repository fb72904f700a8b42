/**
 * Extra usage the fake provider reports on following responses (see `provider.setUsage`).
 * Cache counts are parts of the input, reasoning is part of the output.
 */
export interface UsageOverrides {
  /** Input tokens read from the prompt cache. Default 0. */
  cachedTokens?: number
  /** Output tokens spent on reasoning, added to the visible reply's tokens. Default 0. */
  reasoningTokens?: number
  /** Input tokens written to the cache (Anthropic: 5-minute TTL). Default 0. */
  cacheWriteTokens?: number
  /** Input tokens written to the cache with Anthropic's 1-hour TTL. Default 0. */
  cacheWrite1hTokens?: number
  /** Reported service tier. Default: OpenAI the request's tier (`auto` → `default`), Anthropic `standard`. */
  serviceTier?: string
  /** Anthropic `usage.server_tool_use.web_search_requests`. Default 0. */
  webSearchRequests?: number
  /** Anthropic `usage.inference_geo` (where inference ran, e.g. `'us'`). Default `null`. */
  inferenceGeo?: string
}

/** Provider-neutral usage of one fake response; providers render it in their own shapes. */
export interface FakeUsage {
  /** All input tokens, cached and cache writes included. */
  input: number
  cached: number
  cacheWrite5m: number
  cacheWrite1h: number
  /** Input tokens neither read from nor written to the cache (Anthropic's `input_tokens`). */
  uncached: number
  /** Visible plus reasoning tokens. */
  output: number
  reasoning: number
  serviceTier: string | undefined
  webSearchRequests: number
  inferenceGeo: string | undefined
}

const whole = (value: number | undefined): number =>
  value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0

/**
 * Combines counted words with the overrides. The input total is the word count, raised to the sum
 * of the cache counts when those are larger, so the overrides are always reported as given.
 */
export function fakeUsage(inputWords: number, outputWords: number, overrides: UsageOverrides): FakeUsage {
  const cached = whole(overrides.cachedTokens)
  const cacheWrite5m = whole(overrides.cacheWriteTokens)
  const cacheWrite1h = whole(overrides.cacheWrite1hTokens)
  const input = Math.max(inputWords, cached + cacheWrite5m + cacheWrite1h)
  const reasoning = whole(overrides.reasoningTokens)
  return {
    input,
    cached,
    cacheWrite5m,
    cacheWrite1h,
    uncached: input - cached - cacheWrite5m - cacheWrite1h,
    output: outputWords + reasoning,
    reasoning,
    serviceTier: overrides.serviceTier,
    webSearchRequests: whole(overrides.webSearchRequests),
    inferenceGeo: overrides.inferenceGeo,
  }
}
