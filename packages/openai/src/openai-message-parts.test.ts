import { describe, expect, it } from 'vitest'
import { openAIParts, toolCallPart, toolCallResponsePart } from './openai-message-parts.js'

describe('openAIParts', () => {
  it('keeps text and drops the payload of other parts', () => {
    expect(openAIParts('hi')).toEqual([{ type: 'text', content: 'hi' }])
    expect(openAIParts([{ type: 'text', text: 'a' }, { type: 'input_audio', input_audio: { data: 'xx' } }, { type: 'refusal', refusal: 'no' }])).toEqual([
      { type: 'text', content: 'a' },
      { type: 'input_audio' },
      { type: 'text', content: 'no' },
    ])
    expect(openAIParts(null)).toEqual([])
  })

  it('builds tool call parts with parsed arguments', () => {
    expect(toolCallPart('c', 'f', '{"x":1}')).toEqual({ type: 'tool_call', id: 'c', name: 'f', arguments: { x: 1 } })
    expect(toolCallResponsePart('c', 'ok')).toEqual({ type: 'tool_call_response', id: 'c', response: 'ok' })
  })
})
