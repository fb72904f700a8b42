import { describe, expect, it } from 'vitest'
import { readCompletionUsage } from './read-completion-usage.js'
import { readResponseUsage } from './read-response-usage.js'

describe('readCompletionUsage', () => {
  it('keeps cached tokens inside input and reasoning inside output', () => {
    expect(
      readCompletionUsage({
        prompt_tokens: 100,
        completion_tokens: 50,
        prompt_tokens_details: { cached_tokens: 40, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 30, audio_tokens: 5 },
      }),
    ).toEqual({ inputTokens: 100, outputTokens: 50, cacheReadTokens: 40, reasoningTokens: 30, outputAudioTokens: 5 })
  })

  it('reads embeddings usage and ignores chunks without usage', () => {
    expect(readCompletionUsage({ prompt_tokens: 8, total_tokens: 8 })).toEqual({ inputTokens: 8, outputTokens: 0 })
    expect(readCompletionUsage(null)).toBeUndefined()
  })
})

describe('readResponseUsage', () => {
  it('reads input and output token details', () => {
    expect(
      readResponseUsage({ input_tokens: 10, output_tokens: 7, input_tokens_details: { cached_tokens: 4 }, output_tokens_details: { reasoning_tokens: 2 } }),
    ).toEqual({ inputTokens: 10, outputTokens: 7, cacheReadTokens: 4, reasoningTokens: 2 })
  })
})
