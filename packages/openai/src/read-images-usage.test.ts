import { describe, expect, it } from 'vitest'
import { readImagesUsage } from './read-images-usage.js'

describe('readImagesUsage', () => {
  it('reads text and image input tokens and image output tokens', () => {
    const usage = {
      input_tokens: 400,
      input_tokens_details: { text_tokens: 12, image_tokens: 388 },
      output_tokens: 4170,
      output_tokens_details: { image_tokens: 4160, text_tokens: 10 },
      total_tokens: 4570,
    }
    expect(readImagesUsage(usage)).toEqual({ inputTokens: 400, outputTokens: 4170, inputImageTokens: 388, outputImageTokens: 4160 })
  })

  it('counts all output as image tokens when no output details are given', () => {
    expect(readImagesUsage({ input_tokens: 5, input_tokens_details: { text_tokens: 5, image_tokens: 0 }, output_tokens: 272 })).toEqual({
      inputTokens: 5,
      outputTokens: 272,
      outputImageTokens: 272,
    })
  })

  it('reads cached input tokens when reported', () => {
    expect(readImagesUsage({ input_tokens: 10, input_tokens_details: { cached_tokens: 4 }, output_tokens: 0 })).toMatchObject({ cacheReadTokens: 4 })
  })

  it('returns undefined without token counts', () => {
    expect(readImagesUsage(undefined)).toBeUndefined()
    expect(readImagesUsage({ total_tokens: 3 })).toBeUndefined()
  })
})
