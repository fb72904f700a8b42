import { describe, expect, it } from 'vitest'
import { StreamedBlocks } from './streamed-blocks.js'

describe('StreamedBlocks', () => {
  it('accumulates text and tool input deltas per content block', () => {
    const streamed = new StreamedBlocks()
    streamed.add({ type: 'message_start', message: {} })
    streamed.add({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })
    streamed.add({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } })
    streamed.add({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } })
    streamed.add({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 't', name: 'f', input: {} } })
    streamed.add({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"a":' } })
    streamed.add({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '1}' } })
    expect(streamed.parts()).toEqual([
      { type: 'text', content: 'Hello' },
      { type: 'tool_call', id: 't', name: 'f', arguments: { a: 1 } },
    ])
  })
})
