import OpenAI from 'openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { wrapOpenAI } from './wrap-openai.js'

const messages = [{ role: 'user' as const, content: 'Hi there' }]

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterEach(() => provider.reset())
afterAll(() => provider.close())

function wrapped(streamUsage: 'inject' | 'estimate' | 'off' = 'inject') {
  const path = new RecordingCallPath()
  const client = wrapOpenAI(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), path, { streamUsage })
  return { path, client }
}

describe('chat completions', () => {
  it('reports the exact usage of a completion, cache, reasoning and tier included', async () => {
    const { path, client } = wrapped()
    provider.setUsage({ cachedTokens: 1, reasoningTokens: 4, serviceTier: 'flex' })
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages, max_completion_tokens: 100, temperature: 0.2 })
    expect(completion.choices[0]?.message.content).toBeTruthy()
    expect(path.requests).toEqual([
      expect.objectContaining({
        provider: 'openai',
        operation: 'chat',
        model: 'gpt-4o',
        stream: false,
        maxOutputTokens: 100,
        parameters: { temperature: 0.2 },
        server: { address: '127.0.0.1', port: Number(new URL(provider.url).port) },
      }),
    ])
    expect(path.calls[0]?.result).toEqual({
      usage: { inputTokens: 2, outputTokens: 20, cacheReadTokens: 1, reasoningTokens: 4 },
      responseId: completion.id,
      responseModel: 'gpt-4o',
      finishReasons: ['stop'],
      serviceTier: 'flex',
      providerAttributes: { 'openai.response.system_fingerprint': 'fp_fake' },
    })
  })

  it('injects include_usage into a stream and hides the usage chunk from the caller', async () => {
    const { path, client } = wrapped()
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(text.split(' ')).toHaveLength(16)
    expect(provider.requests[0]?.body).toMatchObject({ stream_options: { include_usage: true } })
    expect(path.calls[0]?.result?.usage).toEqual({ inputTokens: 2, outputTokens: 16 })
    expect(path.calls[0]?.result?.estimated).toBeUndefined()
    expect(path.calls[0]?.firstChunks).toBe(1)
  })

  it('leaves the usage chunk to a caller who asked for it', async () => {
    const { path, client } = wrapped()
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true, stream_options: { include_usage: true } })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.at(-1)?.choices).toEqual([])
    expect(chunks.at(-1)?.usage?.prompt_tokens).toBe(2)
    expect(path.calls[0]?.result?.usage).toEqual({ inputTokens: 2, outputTokens: 16 })
  })

  it('estimates the output of a stream without usage in estimate mode', async () => {
    const { path, client } = wrapped('estimate')
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(provider.requests[0]?.body).not.toHaveProperty('stream_options')
    expect(path.calls[0]?.result).toMatchObject({
      usage: { inputTokens: path.requests[0]?.estimatedInputTokens, outputTokens: Math.ceil(text.length / 4) },
      estimated: true,
    })
  })

  it('reports the usage of chat.completions.parse', async () => {
    const { path, client } = wrapped()
    const completion = await client.chat.completions.parse({
      model: 'gpt-4o',
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', strict: true, schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } },
      },
    })
    expect(completion.choices[0]?.message.parsed).toBeTruthy()
    expect(path.calls).toHaveLength(1)
    expect(path.calls[0]?.result?.usage.inputTokens).toBe(2)
    expect(path.calls[0]?.result?.usage.outputTokens).toBe(completion.usage?.completion_tokens)
  })

  it('reports the usage of the stream helper and keeps finalChatCompletion working', async () => {
    const { path, client } = wrapped()
    const stream = client.chat.completions.stream({ model: 'gpt-4o', messages, max_tokens: 4 })
    const final = await stream.finalChatCompletion()
    expect(final.choices[0]?.message.content?.split(' ')).toHaveLength(4)
    expect(path.calls[0]?.result).toMatchObject({ usage: { inputTokens: 2, outputTokens: 4 }, finishReasons: ['length'] })
  })

  it('reports one call per request of runTools', async () => {
    const { path, client } = wrapped()
    const runner = client.chat.completions.runTools({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Weather in Paris please' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'weather',
            description: 'Looks up the weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
            parse: JSON.parse,
            function: (args: object) => (args ? 'sunny' : 'unknown'),
          },
        },
      ],
    })
    await runner.finalContent()
    const completions = runner.allChatCompletions()
    expect(completions.length).toBeGreaterThan(1)
    expect(path.calls).toHaveLength(completions.length)
    expect(path.results.map((result) => result.usage.outputTokens)).toEqual(completions.map((completion) => completion.usage?.completion_tokens))
  })
})

describe('responses', () => {
  it('reports the usage of responses.create with the chat operation', async () => {
    const { path, client } = wrapped()
    provider.setUsage({ cachedTokens: 1, reasoningTokens: 2 })
    const response = await client.responses.create({ model: 'gpt-5', input: 'Hello big world', instructions: 'Be brief', max_output_tokens: 50 })
    expect(path.requests[0]).toMatchObject({ operation: 'chat', model: 'gpt-5', maxOutputTokens: 50, stream: false })
    expect(path.calls[0]?.result).toMatchObject({
      usage: { inputTokens: 5, outputTokens: response.usage?.output_tokens, cacheReadTokens: 1, reasoningTokens: 2 },
      responseId: response.id,
      finishReasons: ['stop'],
    })
  })

  it('reports the usage of a streamed response from response.completed', async () => {
    const { path, client } = wrapped()
    const stream = await client.responses.create({ model: 'gpt-5', input: 'Hello big world', stream: true })
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    expect(types.at(-1)).toBe('response.completed')
    expect(path.calls[0]?.result).toMatchObject({ usage: { inputTokens: 3, outputTokens: 16 } })
    expect(path.calls[0]?.firstChunks).toBe(1)
  })

  it('reports an incomplete response from response.incomplete', async () => {
    const { path, client } = wrapped()
    const stream = await client.responses.create({ model: 'gpt-5', input: 'Hello', stream: true, max_output_tokens: 3 })
    for await (const event of stream) void event
    expect(path.calls[0]?.result).toMatchObject({ usage: { inputTokens: 1, outputTokens: 3 }, finishReasons: ['length'] })
  })

  it('reports the usage of responses.stream and responses.parse', async () => {
    const { path, client } = wrapped()
    const final = await client.responses.stream({ model: 'gpt-5', input: 'Hello big world' }).finalResponse()
    const parsed = await client.responses.parse({ model: 'gpt-5', input: 'Hello' })
    expect(parsed.output_text).toBeTruthy()
    expect(path.results.map((result) => result.usage)).toEqual([
      { inputTokens: 3, outputTokens: final.usage?.output_tokens },
      { inputTokens: 1, outputTokens: parsed.usage?.output_tokens },
    ])
  })
})

describe('embeddings and legacy completions', () => {
  it('reports embeddings input tokens with the embeddings operation', async () => {
    const { path, client } = wrapped()
    await client.embeddings.create({ model: 'text-embedding-3-small', input: ['one two', 'three'] })
    expect(path.requests[0]).toMatchObject({ operation: 'embeddings', model: 'text-embedding-3-small', maxOutputTokens: 0 })
    expect(path.calls[0]?.result?.usage).toEqual({ inputTokens: 3, outputTokens: 0 })
  })

  it('reports legacy completions with the text_completion operation, streamed or not', async () => {
    const { path, client } = wrapped()
    await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Once upon a time', max_tokens: 4 })
    const stream = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Once upon a time', max_tokens: 4, stream: true })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.every((chunk) => chunk.choices.length > 0)).toBe(true)
    expect(path.requests.map((request) => request.operation)).toEqual(['text_completion', 'text_completion'])
    expect(path.results.map((result) => result.usage)).toEqual([
      { inputTokens: 4, outputTokens: 4 },
      { inputTokens: 4, outputTokens: 4 },
    ])
  })
})
