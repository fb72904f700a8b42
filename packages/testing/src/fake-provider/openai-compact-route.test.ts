import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'

let provider: FakeProvider
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
})
afterAll(() => provider.close())

describe('POST /v1/responses/compact', () => {
  it('answers a compaction with Responses usage', async () => {
    const compacted = await openai.responses.compact({ model: 'gpt-4o', instructions: 'be brief', input: 'one two three' })
    expect(compacted).toMatchObject({ object: 'response.compaction', output: [{ type: 'compaction' }] })
    expect(compacted.usage).toMatchObject({ input_tokens: 5, output_tokens: 16 })
  })

  it('serves the beta path too', async () => {
    await openai.beta.responses.compact({ model: 'gpt-4o', input: 'one' })
    expect(provider.requests.at(-1)?.url).toBe('/v1/responses/compact?beta=true')
  })
})
