import { describe, expect, it } from 'vitest'
import { readChatRequest } from './read-chat-request.js'

describe('readChatRequest', () => {
  it('reads model, stream, max tokens, tier, parameters and an input estimate', () => {
    expect(
      readChatRequest({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'x'.repeat(40) }],
        stream: true,
        max_completion_tokens: 100,
        max_tokens: 5,
        service_tier: 'flex',
        temperature: 0.5,
        top_p: 0.9,
        stop: 'END',
        n: 2,
        seed: 7,
      }),
    ).toEqual({
      operation: 'chat',
      model: 'gpt-4o',
      stream: true,
      maxOutputTokens: 100,
      serviceTier: 'flex',
      estimatedInputTokens: 10,
      outputType: 'text',
      providerAttributes: { 'openai.api.type': 'chat_completions' },
      parameters: { temperature: 0.5, topP: 0.9, stopSequences: ['END'], choiceCount: 2, seed: 7 },
    })
  })

  it('falls back to max_tokens and leaves unset fields out', () => {
    expect(readChatRequest({ model: 'gpt-4o', messages: [], max_tokens: 5 })).toEqual({
      operation: 'chat',
      model: 'gpt-4o',
      stream: false,
      maxOutputTokens: 5,
      estimatedInputTokens: 0,
      outputType: 'text',
      providerAttributes: { 'openai.api.type': 'chat_completions' },
    })
  })

  it('reserves CJK text by UTF-8 bytes and an allowance per image part', () => {
    const messages = [
      {
        role: 'user',
        content: [
          { type: 'text', text: '預算' }, // 2 characters, 6 UTF-8 bytes
          { type: 'image_url', image_url: { url: 'https://example.com/chart.png' } }, // 1,600 (tile-rule max 1,445)
          { type: 'image_url', image_url: { url: 'https://example.com/icon.png', detail: 'low' } }, // 85
        ],
      },
    ]
    expect(readChatRequest({ model: 'gpt-4o', messages }).estimatedInputTokens).toBe(6 + 1_600 + 85)
  })

  it('requests json output for a json_object or json_schema response_format', () => {
    expect(readChatRequest({ model: 'gpt-4o', messages: [], response_format: { type: 'json_object' } }).outputType).toBe('json')
    const schema = { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' } } }
    expect(readChatRequest({ model: 'gpt-4o', messages: [], response_format: schema }).outputType).toBe('json')
    expect(readChatRequest({ model: 'gpt-4o', messages: [], response_format: { type: 'text' } }).outputType).toBe('text')
  })
})
