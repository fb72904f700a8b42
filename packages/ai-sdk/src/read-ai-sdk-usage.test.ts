import { describe, expect, it } from 'vitest'
import { readAiSdkUsage } from './read-ai-sdk-usage.js'

const noTokens = { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined }

describe('readAiSdkUsage', () => {
  it('reads totals, cache reads and reasoning', () => {
    const usage = {
      inputTokens: { total: 120, noCache: 20, cacheRead: 100, cacheWrite: undefined },
      outputTokens: { total: 50, text: 30, reasoning: 20 },
    }
    expect(readAiSdkUsage(usage, undefined)).toEqual({ inputTokens: 120, outputTokens: 50, cacheReadTokens: 100, reasoningTokens: 20 })
  })

  it("splits cache writes by TTL with Anthropic's raw usage, and reads web searches", () => {
    const usage = {
      inputTokens: { total: 12, noCache: 0, cacheRead: 3, cacheWrite: 9 },
      outputTokens: { total: 23, text: 16, reasoning: 7 },
      raw: {
        input_tokens: 0,
        cache_creation_input_tokens: 9,
        cache_creation: { ephemeral_5m_input_tokens: 4, ephemeral_1h_input_tokens: 5 },
        server_tool_use: { web_search_requests: 2 },
      },
    }
    expect(readAiSdkUsage(usage, undefined)).toEqual({
      inputTokens: 12,
      outputTokens: 23,
      cacheReadTokens: 3,
      cacheWriteTokens: 4,
      cacheWrite1hTokens: 5,
      reasoningTokens: 7,
      webSearchRequests: 2,
    })
  })

  it('falls back to providerMetadata.anthropic.usage without raw usage', () => {
    const usage = { inputTokens: { total: 10, noCache: 1, cacheRead: 0, cacheWrite: 9 }, outputTokens: { total: 2, text: 2, reasoning: undefined } }
    const metadata = { anthropic: { usage: { cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 9 } } } }
    expect(readAiSdkUsage(usage, metadata)).toEqual({ inputTokens: 10, outputTokens: 2, cacheWrite1hTokens: 9 })
  })

  it('counts every cache write as a 5-minute write without a TTL breakdown', () => {
    const usage = { inputTokens: { total: 10, noCache: 1, cacheRead: 0, cacheWrite: 9 }, outputTokens: { total: 2, text: 2, reasoning: undefined } }
    expect(readAiSdkUsage(usage, undefined)).toEqual({ inputTokens: 10, outputTokens: 2, cacheWriteTokens: 9 })
  })

  it('adds up the parts when totals are missing', () => {
    const usage = { inputTokens: { total: undefined, noCache: 5, cacheRead: 2, cacheWrite: 1 }, outputTokens: { total: undefined, text: 3, reasoning: 4 } }
    expect(readAiSdkUsage(usage, undefined)).toEqual({ inputTokens: 8, outputTokens: 7, cacheReadTokens: 2, cacheWriteTokens: 1, reasoningTokens: 4 })
  })

  it('returns undefined without an input count', () => {
    expect(readAiSdkUsage({ inputTokens: noTokens, outputTokens: { total: 3 } }, undefined)).toBeUndefined()
    expect(readAiSdkUsage(undefined, undefined)).toBeUndefined()
  })
})
