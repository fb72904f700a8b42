import { describe, expect, it } from 'vitest'
import { readAnthropicUsage, readInferenceGeo } from './read-anthropic-usage.js'

describe('readAnthropicUsage', () => {
  it('adds cache reads and writes to input_tokens and splits writes by TTL', () => {
    expect(
      readAnthropicUsage({
        input_tokens: 10,
        cache_read_input_tokens: 200,
        cache_creation_input_tokens: 50,
        cache_creation: { ephemeral_5m_input_tokens: 30, ephemeral_1h_input_tokens: 20 },
        output_tokens: 40,
        output_tokens_details: { thinking_tokens: 12 },
        server_tool_use: { web_search_requests: 3, web_fetch_requests: 0 },
        service_tier: 'standard',
      }),
    ).toEqual({
      inputTokens: 260,
      outputTokens: 40,
      cacheReadTokens: 200,
      cacheWriteTokens: 30,
      cacheWrite1hTokens: 20,
      reasoningTokens: 12,
      webSearchRequests: 3,
    })
  })

  it('counts every write as a 5-minute write when the TTL breakdown is absent', () => {
    expect(readAnthropicUsage({ input_tokens: 1, cache_creation_input_tokens: 7, cache_read_input_tokens: null, output_tokens: 2 })).toEqual({
      inputTokens: 8,
      outputTokens: 2,
      cacheWriteTokens: 7,
    })
  })

  it('takes the total of cache writes when the breakdown disagrees with it', () => {
    expect(
      readAnthropicUsage({
        input_tokens: 0,
        cache_creation_input_tokens: 10,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 4 },
        output_tokens: 1,
      }),
    ).toEqual({ inputTokens: 10, outputTokens: 1, cacheWriteTokens: 6, cacheWrite1hTokens: 4 })
  })

  it('leaves zero and null counts out', () => {
    expect(
      readAnthropicUsage({ input_tokens: 3, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, output_tokens: 5, server_tool_use: null }),
    ).toEqual({ inputTokens: 3, outputTokens: 5 })
  })

  it('is undefined without input_tokens', () => {
    expect(readAnthropicUsage(undefined)).toBeUndefined()
    expect(readAnthropicUsage({ output_tokens: 5 })).toBeUndefined()
  })
})

describe('readInferenceGeo', () => {
  it('reads where inference ran, and nothing when the usage does not say', () => {
    expect(readInferenceGeo({ input_tokens: 1, output_tokens: 1, inference_geo: 'us' })).toBe('us')
    expect(readInferenceGeo({ input_tokens: 1, output_tokens: 1, inference_geo: null })).toBeUndefined()
    expect(readInferenceGeo({ input_tokens: 1, output_tokens: 1 })).toBeUndefined()
    expect(readInferenceGeo(undefined)).toBeUndefined()
  })
})
