import { describe, expect, it } from 'vitest'
import { readCompletionOutputContent, readPromptContent } from './completions-content.js'

describe('readPromptContent', () => {
  it('reads a prompt or embeddings input as one user message of text parts', () => {
    expect(readPromptContent({ prompt: 'say hi' })).toEqual({ input: [{ role: 'user', parts: [{ type: 'text', content: 'say hi' }] }] })
    expect(readPromptContent({ input: ['a', 'b', [1, 2]] })).toEqual({
      input: [{ role: 'user', parts: [{ type: 'text', content: 'a' }, { type: 'text', content: 'b' }] }],
    })
    expect(readPromptContent({ input: [[1, 2]] })).toEqual({})
  })
})

describe('readCompletionOutputContent', () => {
  it('reads each choice text with its finish reason', () => {
    expect(readCompletionOutputContent({ choices: [{ text: 'hi', finish_reason: 'length' }] })).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'hi' }], finish_reason: 'length' },
    ])
  })
})
