import { describe, expect, it } from 'vitest'
import { readMessagesRequest } from './read-messages-request.js'

describe('readMessagesRequest', () => {
  it('reads model, stream, max_tokens, tier and sampling parameters', () => {
    expect(
      readMessagesRequest({
        model: 'claude-opus-4-1',
        max_tokens: 1024,
        stream: true,
        service_tier: 'standard_only',
        temperature: 0.2,
        top_p: 0.9,
        top_k: 40,
        stop_sequences: ['END'],
        system: 'Be brief',
        messages: [{ role: 'user', content: 'Hello there' }],
      }),
    ).toEqual({
      operation: 'chat',
      model: 'claude-opus-4-1',
      stream: true,
      maxOutputTokens: 1024,
      serviceTier: 'standard_only',
      parameters: { temperature: 0.2, topP: 0.9, topK: 40, stopSequences: ['END'] },
      // 'Be brief' + 'Hello there' = 19 characters ≈ 5 tokens.
      estimatedInputTokens: 5,
      outputType: 'text',
    })
  })

  it('reads a minimal request', () => {
    expect(readMessagesRequest({ model: 'claude-haiku-4-5', max_tokens: 5, messages: [] })).toEqual({
      operation: 'chat',
      model: 'claude-haiku-4-5',
      stream: false,
      maxOutputTokens: 5,
      estimatedInputTokens: 0,
      outputType: 'text',
    })
  })

  it('reserves an image block at the ~1,600-token maximum and CJK text by UTF-8 bytes', () => {
    const messages = [
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
          { type: 'text', text: '預算' },
        ],
      },
    ]
    // Anthropic vision docs (read 2026-12-02): about 1,600 tokens at most per image.
    expect(readMessagesRequest({ model: 'claude-haiku-4-5', max_tokens: 5, messages }).estimatedInputTokens).toBe(1_600 + 6)
  })

  it('requests json output for structured outputs', () => {
    const format = { type: 'json_schema', schema: { type: 'object' } }
    expect(readMessagesRequest({ model: 'claude-sonnet-4-5', max_tokens: 5, messages: [], output_format: format }).outputType).toBe('json')
    expect(readMessagesRequest({ model: 'claude-sonnet-4-5', max_tokens: 5, messages: [], output_config: { format } }).outputType).toBe('json')
  })
})
