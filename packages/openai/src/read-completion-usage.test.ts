import { describe, expect, it } from 'vitest'
import { readCompletionUsage } from './read-completion-usage.js'

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

  it('reads cache writes and image tokens as parts of the prompt', () => {
    expect(
      readCompletionUsage({
        prompt_tokens: 5000,
        completion_tokens: 20,
        prompt_tokens_details: { cached_tokens: 1024, cache_write_tokens: 3000, image_tokens: 765 },
      }),
    ).toEqual({ inputTokens: 5000, outputTokens: 20, cacheReadTokens: 1024, cacheWriteTokens: 3000, inputImageTokens: 765 })
  })

  it('reads embeddings usage and ignores chunks without usage', () => {
    expect(readCompletionUsage({ prompt_tokens: 8, total_tokens: 8 })).toEqual({ inputTokens: 8, outputTokens: 0 })
    expect(readCompletionUsage(null)).toBeUndefined()
  })
})
