import { describe, expect, it } from 'vitest'
import { readGeneratedContent, readPromptContent } from './ai-sdk-content.js'

describe('readPromptContent', () => {
  it('converts each prompt message to semantic-convention parts, without file payloads', () => {
    const content = readPromptContent([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Where is #4711?' }, { type: 'file', data: 'aGk=', mediaType: 'image/png' }] },
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'lookup', input: { order: '4711' } }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'lookup', output: { type: 'text', value: 'shipped' } }] },
    ])
    expect(content).toEqual({
      input: [
        { role: 'system', parts: [{ type: 'text', content: 'Be brief.' }] },
        { role: 'user', parts: [{ type: 'text', content: 'Where is #4711?' }, { type: 'file' }] },
        { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'lookup', arguments: { order: '4711' } }] },
        { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c1', response: { type: 'text', value: 'shipped' } }] },
      ],
    })
  })
})

describe('readGeneratedContent', () => {
  it('is one assistant message of the generated parts with the finish reason', () => {
    const generated = {
      content: [
        { type: 'reasoning' as const, text: 'Check the order.' },
        { type: 'text' as const, text: 'It shipped.' },
      ],
      finishReason: { unified: 'stop' as const, raw: 'stop' },
      usage: { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: undefined } },
      warnings: [],
    }
    expect(readGeneratedContent(generated, 'stop')).toEqual([
      { role: 'assistant', parts: [{ type: 'reasoning', content: 'Check the order.' }, { type: 'text', content: 'It shipped.' }], finish_reason: 'stop' },
    ])
  })
})
