import OpenAI from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'

let provider: FakeProvider
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
})
beforeEach(() => provider.reset())
afterAll(() => provider.close())

const messages = [{ role: 'user' as const, content: 'Say hello to the team' }]

describe('POST /v1/chat/completions', () => {
  it('answers the fixed 16-word reply with usage counted in words', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(completion.object).toBe('chat.completion')
    expect(completion.model).toBe('gpt-4o')
    expect(completion.choices[0]?.message.content).toBe(
      'Hello from the finops-ai fake provider: every word of this reply counts as exactly one token.',
    )
    expect(completion.choices[0]?.finish_reason).toBe('stop')
    expect(completion.service_tier).toBe('default')
    expect(completion.usage).toMatchObject({
      prompt_tokens: 5,
      completion_tokens: 16,
      total_tokens: 21,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    })
  })

  it('truncates to max_tokens with finish_reason length', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages, max_completion_tokens: 3 })
    expect(completion.choices[0]?.message.content).toBe('Hello from the')
    expect(completion.choices[0]?.finish_reason).toBe('length')
    expect(completion.usage?.completion_tokens).toBe(3)
  })

  it('returns n choices and multiplies the output tokens', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages, n: 3, max_tokens: 2 })
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1, 2])
    expect(completion.usage?.completion_tokens).toBe(6)
  })

  it('reports cached and reasoning tokens and the service tier from setUsage', async () => {
    provider.setUsage({ cachedTokens: 3, reasoningTokens: 7, serviceTier: 'flex' })
    const completion = await openai.chat.completions.create({ model: 'o3', messages })
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(3)
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(7)
    expect(completion.usage?.completion_tokens).toBe(23)
    expect(completion.service_tier).toBe('flex')
  })

  it('streams one chunk per word without a usage chunk by default', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks).toHaveLength(18)
    expect(chunks.every((chunk) => chunk.choices.length === 1 && chunk.usage === undefined)).toBe(true)
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toMatch(/^Hello from the/)
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop')
  })

  it('adds a final usage-only chunk with empty choices when include_usage is set', async () => {
    provider.setReplyWords(200)
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    const last = chunks.at(-1)
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content)).toHaveLength(200)
    expect(last?.choices).toEqual([])
    expect(last?.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 200, total_tokens: 205 })
  })

  it('accumulates the stream helper into a final completion', async () => {
    const stream = openai.chat.completions.stream({ model: 'gpt-4o', messages, max_tokens: 4 })
    const completion = await stream.finalChatCompletion()
    expect(completion.choices[0]?.message.content).toBe('Hello from the finops-ai')
  })

  it('answers json_schema response formats with a document chat.completions.parse accepts', async () => {
    const completion = await openai.chat.completions.parse({
      model: 'gpt-4o',
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'greeting',
          strict: true,
          schema: {
            type: 'object',
            properties: { text: { type: 'string' }, count: { type: 'integer' }, tags: { type: 'array', items: {} } },
            required: ['text', 'count', 'tags'],
            additionalProperties: false,
          },
        },
      },
    })
    expect(completion.choices[0]?.message.parsed).toEqual({ text: '', count: 0, tags: [] })
  })

  it('calls the first tool until a tool result arrives, so runTools completes', async () => {
    const calls: unknown[] = []
    const runner = openai.chat.completions.runTools({
      model: 'gpt-4o',
      messages,
      tools: [
        {
          type: 'function',
          function: {
            name: 'lookup',
            description: 'Looks a thing up',
            parameters: { type: 'object', properties: {} },
            parse: JSON.parse,
            function: (args: object) => {
              calls.push(args)
              return 'found it'
            },
          },
        },
      ],
    })
    expect(await runner.finalContent()).toMatch(/^Hello from the/)
    expect(calls).toEqual([{}])
    expect(provider.requests).toHaveLength(2)
    const first = await runner.allChatCompletions()[0]
    expect(first?.choices[0]?.finish_reason).toBe('tool_calls')
    expect(first?.choices[0]?.message.tool_calls?.[0]).toMatchObject({ type: 'function', function: { name: 'lookup', arguments: '{}' } })
  })

  it('streams a tool call that the stream helper accumulates', async () => {
    const stream = openai.chat.completions.stream({
      model: 'gpt-4o',
      messages,
      tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }],
    })
    const completion = await stream.finalChatCompletion()
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls')
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({ function: { name: 'weather', arguments: '{"city":""}' } })
  })
})
