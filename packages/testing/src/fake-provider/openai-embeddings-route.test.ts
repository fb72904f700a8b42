import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'
import { fakeEmbedding } from './openai-embeddings-route.js'

let provider: FakeProvider
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
})
afterAll(() => provider.close())

describe('POST /v1/embeddings', () => {
  it('answers the SDK default base64 request with float32 bytes the SDK decodes', async () => {
    const result = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'hello big world' })
    expect(provider.requests.at(-1)?.body).toMatchObject({ encoding_format: 'base64' })
    expect(result.data[0]?.embedding).toEqual(fakeEmbedding('hello big world', 8))
    expect(result.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 })
    expect(result.model).toBe('text-embedding-3-small')
  })

  it('returns one float vector per input item with the requested dimensions', async () => {
    const result = await openai.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['one', 'two words'],
      encoding_format: 'float',
      dimensions: 4,
    })
    expect(result.data.map((item) => item.index)).toEqual([0, 1])
    expect(result.data.every((item) => item.embedding.length === 4)).toBe(true)
    expect(result.data[0]?.embedding).not.toEqual(result.data[1]?.embedding)
    expect(result.usage.prompt_tokens).toBe(3)
  })
})
