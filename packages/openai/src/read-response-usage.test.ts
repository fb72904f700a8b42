import { describe, expect, it } from 'vitest'
import { readResponseUsage } from './read-response-usage.js'

describe('readResponseUsage', () => {
  it('reads input and output token details', () => {
    expect(
      readResponseUsage({ input_tokens: 10, output_tokens: 7, input_tokens_details: { cached_tokens: 4 }, output_tokens_details: { reasoning_tokens: 2 } }),
    ).toEqual({ inputTokens: 10, outputTokens: 7, cacheReadTokens: 4, reasoningTokens: 2 })
  })

  it('splits cache writes by retention: 30 minutes as the default TTL, 12 hours as the extended one', () => {
    expect(
      readResponseUsage({
        input_tokens: 9000,
        output_tokens: 100,
        input_tokens_details: { cached_tokens: 2048, cache_write_tokens: 6000, cache_write_tokens_details: { ttl_30m_tokens: 3500, ttl_12h_tokens: 2500 } },
      }),
    ).toEqual({ inputTokens: 9000, outputTokens: 100, cacheReadTokens: 2048, cacheWriteTokens: 3500, cacheWrite1hTokens: 2500 })
  })

  it('counts cache writes without a retention split at the default TTL', () => {
    expect(readResponseUsage({ input_tokens: 9000, output_tokens: 1, input_tokens_details: { cached_tokens: 0, cache_write_tokens: 6000 } })).toEqual({
      inputTokens: 9000,
      outputTokens: 1,
      cacheWriteTokens: 6000,
    })
  })

  it('ignores usage without token counts', () => {
    expect(readResponseUsage(undefined)).toBeUndefined()
  })
})
