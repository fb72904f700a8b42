import { describe, expect, it } from 'vitest'
import { readImagesResult } from './read-images-result.js'

describe('readImagesResult', () => {
  it('reads the usage of an ImagesResponse', () => {
    const body = { created: 1, data: [{ b64_json: 'x' }], usage: { input_tokens: 5, output_tokens: 272, output_tokens_details: { image_tokens: 272, text_tokens: 0 } } }
    expect(readImagesResult(body, 9)).toEqual({ usage: { inputTokens: 5, outputTokens: 272, outputImageTokens: 272 } })
  })

  it('settles the input estimate, flagged estimated, without usage', () => {
    expect(readImagesResult({ created: 1, data: [{ url: 'https://example.com/a.png' }] }, 9)).toEqual({
      usage: { inputTokens: 9, outputTokens: 0 },
      estimated: true,
    })
  })
})
