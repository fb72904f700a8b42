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

describe('POST /v1/responses', () => {
  it('returns a completed Response with output_text and usage', async () => {
    provider.setUsage({ cachedTokens: 2, reasoningTokens: 4 })
    const response = await openai.responses.create({ model: 'gpt-4.1', instructions: 'Be brief', input: 'Hi there' })
    expect(response).toMatchObject({ object: 'response', status: 'completed', model: 'gpt-4.1', service_tier: 'default' })
    expect(response.output_text).toMatch(/^Hello from the finops-ai fake provider/)
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'output_text', annotations: [] }] })
    expect(response.usage).toEqual({
      input_tokens: 4,
      input_tokens_details: { cached_tokens: 2, cache_write_tokens: 0 },
      output_tokens: 20,
      output_tokens_details: { reasoning_tokens: 4 },
      total_tokens: 24,
    })
  })

  it('is incomplete when max_output_tokens cuts the reply', async () => {
    const response = await openai.responses.create({ model: 'gpt-4.1', input: 'Hi', max_output_tokens: 5 })
    expect(response.status).toBe('incomplete')
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' })
    expect(response.usage?.output_tokens).toBe(5)
  })

  it('streams typed events that responses.stream() accumulates into the final response', async () => {
    const stream = openai.responses.stream({ model: 'gpt-4.1', input: [{ role: 'user', content: 'one two three' }] })
    const deltas: string[] = []
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta))
    const response = await stream.finalResponse()
    expect(deltas).toHaveLength(16)
    expect(response.status).toBe('completed')
    expect(response.output_text).toBe(deltas.join(''))
    expect(response.usage).toMatchObject({ input_tokens: 3, output_tokens: 16, total_tokens: 19 })
  })

  it('streams W + 8 events for a W-word reply', async () => {
    provider.setReplyWords(3)
    const stream = await openai.responses.create({ model: 'gpt-4.1', input: 'Hi', stream: true })
    let count = 0
    for await (const _event of stream) count += 1
    expect(count).toBe(11)
  })

  it('streams a response.incomplete event when the limit cuts a streamed reply', async () => {
    const stream = await openai.responses.create({ model: 'gpt-4.1', input: 'Hi', max_output_tokens: 2, stream: true })
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    expect(types[0]).toBe('response.created')
    expect(types.filter((type) => type === 'response.output_text.delta')).toHaveLength(2)
    expect(types.at(-1)).toBe('response.incomplete')
  })

  it('answers text.format json_schema with a document responses.parse accepts', async () => {
    const response = await openai.responses.parse({
      model: 'gpt-4.1',
      input: 'Give me a person',
      text: {
        format: {
          type: 'json_schema',
          name: 'person',
          strict: true,
          schema: {
            type: 'object',
            properties: { name: { type: 'string' }, adult: { type: 'boolean' }, role: { enum: ['admin', 'user'] } },
            required: ['name', 'adult', 'role'],
            additionalProperties: false,
          },
        },
      },
    })
    expect(response.output_parsed).toEqual({ name: '', adult: false, role: 'admin' })
  })

  it('calls a function tool until its output is sent back', async () => {
    const tools = [{ type: 'function' as const, name: 'lookup', parameters: { type: 'object', properties: {} }, strict: false }]
    const first = await openai.responses.create({ model: 'gpt-4.1', input: 'Find it', tools })
    const call = first.output[0]
    expect(call).toMatchObject({ type: 'function_call', name: 'lookup', arguments: '{}' })
    const callId = call?.type === 'function_call' ? call.call_id : ''
    const second = await openai.responses.create({
      model: 'gpt-4.1',
      tools,
      input: [{ type: 'function_call_output', call_id: callId, output: 'found it' }],
    })
    expect(second.output_text).toMatch(/^Hello/)
  })

  it('streams a function call that the stream helper accumulates', async () => {
    const stream = openai.responses.stream({
      model: 'gpt-4.1',
      input: 'Find it',
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object', properties: {} }, strict: false }],
    })
    const response = await stream.finalResponse()
    expect(response.output[0]).toMatchObject({ type: 'function_call', name: 'lookup', arguments: '{}' })
  })
})
