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

describe('POST /v1/completions', () => {
  it('completes a prompt with usage counted in words', async () => {
    const completion = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Once upon a time', max_tokens: 4 })
    expect(completion.object).toBe('text_completion')
    expect(completion.choices[0]).toMatchObject({ text: 'Hello from the finops-ai', finish_reason: 'length' })
    expect(completion.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 4, total_tokens: 8 })
  })

  it('streams one chunk per word and a usage chunk when asked', async () => {
    const stream = await openai.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: ['a b', 'c'],
      stream: true,
      stream_options: { include_usage: true },
    })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks).toHaveLength(18)
    expect(chunks.slice(0, 16).map((chunk) => chunk.choices[0]?.text).join('')).toMatch(/^Hello from the/)
    expect(chunks[16]?.choices[0]?.finish_reason).toBe('stop')
    expect(chunks[17]?.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 16 })
  })
})
