import { describe, expect, it } from 'vitest'
import { readImageEditRequest, readImageGenerationRequest } from './read-images-request.js'

describe('readImageGenerationRequest', () => {
  it('reserves the image tokens of every image and the prompt', () => {
    expect(readImageGenerationRequest({ model: 'gpt-image-1', prompt: 'an otter in a beret', quality: 'low', n: 3 })).toEqual({
      operation: 'generate_content',
      model: 'gpt-image-1',
      stream: false,
      estimatedInputTokens: 5,
      outputType: 'image',
      maxOutputTokens: 3 * 272,
    })
  })

  it('adds 100 tokens per partial image of a stream', () => {
    const request = readImageGenerationRequest({ model: 'gpt-image-1', prompt: 'otter', quality: 'medium', stream: true, partial_images: 2 })
    expect(request).toMatchObject({ stream: true, maxOutputTokens: 1056 + 200 })
  })
})

describe('readImageEditRequest', () => {
  it('allows 765 input tokens per input image', () => {
    const image = new Blob(['png'])
    expect(readImageEditRequest({ model: 'gpt-image-1', prompt: 'otter', image: [image, image], quality: 'low' })).toMatchObject({
      estimatedInputTokens: 2 + 2 * 765,
      maxOutputTokens: 272,
    })
  })

  it('adds the high-fidelity tokens of each image', () => {
    const request = readImageEditRequest({ model: 'gpt-image-1', prompt: 'otter', image: new Blob(['png']), input_fidelity: 'high', quality: 'low' })
    expect(request.estimatedInputTokens).toBe(2 + 765 + 4160)
  })
})
