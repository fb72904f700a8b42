import { describe, expect, it } from 'vitest'
import { readResponsesRequest } from './read-responses-request.js'

describe('readResponsesRequest', () => {
  it('reads a Responses call as the chat operation with max_output_tokens', () => {
    expect(
      readResponsesRequest({ model: 'gpt-5', instructions: 'abcd', input: [{ role: 'user', content: 'abcdefgh' }], max_output_tokens: 64, service_tier: 'priority', temperature: 1 }),
    ).toEqual({
      operation: 'chat',
      model: 'gpt-5',
      stream: false,
      maxOutputTokens: 64,
      serviceTier: 'priority',
      estimatedInputTokens: 3,
      outputType: 'text',
      providerAttributes: { 'openai.api.type': 'responses' },
      parameters: { temperature: 1 },
    })
  })

  it('reserves an allowance per input_image part and CJK text by UTF-8 bytes', () => {
    const input = [{ role: 'user', content: [{ type: 'input_text', text: '預算' }, { type: 'input_image', image_url: 'https://example.com/a.png', detail: 'low' }] }]
    expect(readResponsesRequest({ model: 'gpt-4o', input }).estimatedInputTokens).toBe(6 + 85)
  })

  it('requests json output for a JSON text.format', () => {
    const schema = { type: 'json_schema', name: 'answer', schema: { type: 'object' } }
    expect(readResponsesRequest({ model: 'gpt-4.1', input: 'x', text: { format: schema } }).outputType).toBe('json')
    expect(readResponsesRequest({ model: 'gpt-4.1', input: 'x', text: { format: { type: 'json_object' } } }).outputType).toBe('json')
    expect(readResponsesRequest({ model: 'gpt-4.1', input: 'x', text: { format: { type: 'text' } } }).outputType).toBe('text')
  })
})
