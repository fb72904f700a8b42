import Anthropic from '@anthropic-ai/sdk'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'

let provider: FakeProvider
let anthropic: Anthropic

beforeAll(async () => {
  provider = await fakeProvider()
  anthropic = new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' })
})
beforeEach(() => provider.reset())
afterAll(() => provider.close())

const messages = [{ role: 'user' as const, content: 'Say hello to the team' }]

describe('POST /v1/messages', () => {
  it('returns a text message with usage counted in words', async () => {
    const message = await anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 1024, system: 'Be kind', messages })
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sonnet-4-6', stop_reason: 'end_turn' })
    expect(message.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^Hello from the/) })
    expect(message.usage).toMatchObject({
      input_tokens: 7,
      output_tokens: 16,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      service_tier: 'standard',
    })
  })

  it('excludes cache reads and writes from input_tokens', async () => {
    provider.setUsage({ cachedTokens: 100, cacheWriteTokens: 20, cacheWrite1hTokens: 5, webSearchRequests: 2, reasoningTokens: 3 })
    const message = await anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 1024, messages })
    expect(message.usage).toMatchObject({
      input_tokens: 0,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 25,
      cache_creation: { ephemeral_5m_input_tokens: 20, ephemeral_1h_input_tokens: 5 },
      output_tokens: 19,
      output_tokens_details: { thinking_tokens: 3 },
      server_tool_use: { web_search_requests: 2, web_fetch_requests: 0 },
    })
  })

  it('stops with max_tokens when the limit cuts the reply', async () => {
    const message = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 2, messages })
    expect(message.stop_reason).toBe('max_tokens')
    expect(message.content[0]).toMatchObject({ text: 'Hello from' })
  })

  it('streams events that messages.stream().finalMessage() accumulates with cumulative usage', async () => {
    provider.setUsage({ cachedTokens: 2 })
    const stream = anthropic.messages.stream({ model: 'claude-sonnet-4-6', max_tokens: 1024, messages })
    const deltas: string[] = []
    stream.on('text', (text) => deltas.push(text))
    const message = await stream.finalMessage()
    expect(deltas).toHaveLength(16)
    expect(message.content[0]).toMatchObject({ type: 'text', text: deltas.join('') })
    expect(message.stop_reason).toBe('end_turn')
    expect(message.usage).toMatchObject({ input_tokens: 3, cache_read_input_tokens: 2, output_tokens: 16 })
  })

  it('sends the raw event sequence of the real API', async () => {
    provider.setReplyWords(2)
    const stream = await anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages, stream: true })
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    expect(types).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
  })

  it('accepts the beta path with ?beta=true', async () => {
    const message = await anthropic.post<Anthropic.Message>('/v1/messages?beta=true', {
      body: { model: 'claude-sonnet-4-6', max_tokens: 8, messages },
    })
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Hello from the finops-ai fake provider: every word' })
    expect(provider.requests[0]?.path).toBe('/v1/messages')
    expect(provider.requests[0]?.url).toBe('/v1/messages?beta=true')
  })

  it('calls the first tool until a tool_result comes back', async () => {
    const tools = [{ name: 'lookup', input_schema: { type: 'object' as const, properties: { q: { type: 'string' } }, required: ['q'] } }]
    const first = await anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 64, messages, tools })
    expect(first.stop_reason).toBe('tool_use')
    const call = first.content[0]
    expect(call).toMatchObject({ type: 'tool_use', name: 'lookup', input: { q: '' } })
    const second = await anthropic.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      tools,
      messages: [
        ...messages,
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call?.type === 'tool_use' ? call.id : '', content: 'found' }] },
      ],
    })
    expect(second.stop_reason).toBe('end_turn')
  })

  it('streams a tool_use block whose input the stream helper parses', async () => {
    const stream = anthropic.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages,
      tools: [{ name: 'lookup', input_schema: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }],
    })
    const message = await stream.finalMessage()
    expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'lookup', input: { q: '' } })
  })

  it('rejects a request without max_tokens in the Anthropic error shape', async () => {
    const error = await anthropic.messages
      .create({ model: 'claude-sonnet-4-6', messages } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    })
  })
})

describe('POST /v1/messages/count_tokens', () => {
  it('counts the words of system and messages', async () => {
    const count = await anthropic.messages.countTokens({ model: 'claude-sonnet-4-6', system: 'Be kind', messages })
    expect(count).toEqual({ input_tokens: 7 })
  })
})
