import { describe, expect, it } from 'vitest'
import { readChatContent, readChatOutputContent } from './chat-content.js'

describe('readChatContent', () => {
  it('converts messages, content parts, tool calls and tool results', () => {
    const content = readChatContent({
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'data:...' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: '42' },
      ],
    })
    expect(content.input).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'be brief' }] },
      { role: 'user', parts: [{ type: 'text', content: 'look' }, { type: 'image_url' }] },
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'f', arguments: { a: 1 } }] },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c1', response: '42' }] },
    ])
  })
})

describe('readChatOutputContent', () => {
  it('makes one message per choice with its finish reason', () => {
    expect(
      readChatOutputContent({
        choices: [
          { index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' },
          { index: 1, message: { role: 'assistant', content: null, refusal: 'no' }, finish_reason: 'content_filter' },
        ],
      }),
    ).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'hi' }], finish_reason: 'stop' },
      { role: 'assistant', parts: [{ type: 'text', content: 'no' }], finish_reason: 'content_filter' },
    ])
    expect(readChatOutputContent(undefined)).toEqual([])
  })
})
