import { describe, expect, it } from 'vitest'
import { readResponseOutputContent, readResponsesContent } from './responses-content.js'

describe('readResponsesContent', () => {
  it('reads a string input and the instructions', () => {
    expect(readResponsesContent({ input: 'hi', instructions: 'be brief' })).toEqual({
      system: [{ type: 'text', content: 'be brief' }],
      input: [{ role: 'user', parts: [{ type: 'text', content: 'hi' }] }],
    })
  })

  it('reads input items: messages, function calls, their outputs and other items', () => {
    expect(
      readResponsesContent({
        input: [
          { role: 'user', content: [{ type: 'input_text', text: 'look' }, { type: 'input_image', image_url: 'x' }] },
          { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' },
          { type: 'function_call_output', call_id: 'c1', output: '42' },
          { type: 'item_reference', id: 'r' },
        ],
      }).input,
    ).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'look' }, { type: 'input_image' }] },
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'f', arguments: {} }] },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c1', response: '42' }] },
      { role: 'user', parts: [{ type: 'item_reference' }] },
    ])
  })
})

describe('readResponseOutputContent', () => {
  it('reads the output items as one assistant message', () => {
    expect(
      readResponseOutputContent({
        status: 'incomplete',
        incomplete_details: { reason: 'max_output_tokens' },
        output: [
          { type: 'reasoning', summary: [] },
          { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'hi' }] },
          { type: 'function_call', call_id: 'c2', name: 'g', arguments: 'not json' },
        ],
      }),
    ).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'reasoning' }, { type: 'text', content: 'hi' }, { type: 'tool_call', id: 'c2', name: 'g', arguments: 'not json' }],
        finish_reason: 'length',
      },
    ])
    expect(readResponseOutputContent({})).toEqual([])
  })
})
