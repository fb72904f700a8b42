import OpenAI, { toFile } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'
import { FAKE_PNG_BASE64 } from './fake-media.js'

let provider: FakeProvider
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
})
afterAll(() => provider.close())

const image = () => toFile(Buffer.alloc(100), 'otter.png', { type: 'image/png' })

describe('POST /v1/images/generations', () => {
  it('returns n images with the token usage of their quality', async () => {
    const response = await openai.images.generate({ model: 'gpt-image-1', prompt: 'an otter in a beret', quality: 'high', n: 2, size: '1536x1024' })
    expect(response.data).toEqual([{ b64_json: FAKE_PNG_BASE64 }, { b64_json: FAKE_PNG_BASE64 }])
    expect(response).toMatchObject({ quality: 'high', size: '1536x1024', output_format: 'png' })
    expect(response.usage).toEqual({
      input_tokens: 5,
      input_tokens_details: { text_tokens: 5, image_tokens: 0 },
      output_tokens: 8320,
      output_tokens_details: { image_tokens: 8320, text_tokens: 0 },
      total_tokens: 8325,
    })
  })

  it('streams partial images, then the completed image with usage', async () => {
    const stream = await openai.images.generate({ model: 'gpt-image-1', prompt: 'otter', stream: true, partial_images: 3 })
    const events = []
    for await (const event of stream) events.push(event)
    expect(events.map((event) => event.type)).toEqual([
      'image_generation.partial_image',
      'image_generation.partial_image',
      'image_generation.partial_image',
      'image_generation.completed',
    ])
    const completed = events.at(-1)
    expect(completed?.type === 'image_generation.completed' && completed.usage.output_tokens).toBe(1056 + 300)
  })
})

describe('POST /v1/images/edits', () => {
  it('reads the multipart upload and counts 194 tokens per input image', async () => {
    const response = await openai.images.edit({ model: 'gpt-image-1', image: [await image(), await image()], prompt: 'add a hat', quality: 'low' })
    expect(provider.requests.at(-1)?.body).toMatchObject({ model: 'gpt-image-1', prompt: 'add a hat', image: [{ filename: 'otter.png', size: 100 }, { size: 100 }] })
    expect(response.usage).toMatchObject({ input_tokens: 3 + 388, input_tokens_details: { text_tokens: 3, image_tokens: 388 }, output_tokens: 272 })
  })

  it('streams image_edit events', async () => {
    const stream = await openai.images.edit({ model: 'gpt-image-1', image: await image(), prompt: 'add a hat', stream: true, partial_images: 1, quality: 'low' })
    const types = []
    for await (const event of stream) types.push(event.type)
    expect(types).toEqual(['image_edit.partial_image', 'image_edit.completed'])
  })
})
