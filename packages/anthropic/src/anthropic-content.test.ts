import { describe, expect, it } from 'vitest'
import { readMessageOutputContent, readMessagesContent } from './anthropic-content.js'

describe('readMessagesContent', () => {
  it('reads system, messages and their content blocks', () => {
    expect(
      readMessagesContent({
        system: [{ type: 'text', text: 'be brief' }],
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image', source: { type: 'base64', data: 'xx' } }] },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: { a: 1 } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: '42' }] },
        ],
      }),
    ).toEqual({
      system: [{ type: 'text', content: 'be brief' }],
      input: [
        { role: 'user', parts: [{ type: 'text', content: 'look' }, { type: 'image' }] },
        { role: 'assistant', parts: [{ type: 'tool_call', id: 't1', name: 'f', arguments: { a: 1 } }] },
        { role: 'user', parts: [{ type: 'tool_call_response', id: 't1', response: '42' }] },
      ],
    })
    expect(readMessagesContent({ system: 'short', messages: [{ role: 'user', content: 'hi' }] })).toEqual({
      system: [{ type: 'text', content: 'short' }],
      input: [{ role: 'user', parts: [{ type: 'text', content: 'hi' }] }],
    })
  })
})

describe('readMessageOutputContent', () => {
  it('reads the content blocks with the stop reason', () => {
    expect(
      readMessageOutputContent({
        role: 'assistant',
        stop_reason: 'end_turn',
        content: [{ type: 'thinking', thinking: 'hm', signature: 's' }, { type: 'text', text: 'hi' }],
      }),
    ).toEqual([{ role: 'assistant', parts: [{ type: 'reasoning', content: 'hm' }, { type: 'text', content: 'hi' }], finish_reason: 'end_turn' }])
  })
})
