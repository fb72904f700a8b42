import { describe, expect, it } from 'vitest'
import { countTextCharacters, estimateTokens } from './estimate-tokens.js'

describe('estimateTokens', () => {
  it('counts about four characters per token of message text', () => {
    expect(estimateTokens([{ role: 'user', content: 'x'.repeat(40) }])).toBe(10)
  })

  it('counts text parts and ignores image payloads, ids and roles', () => {
    const messages = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'abcdefgh' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(10_000)}` } },
        ],
      },
    ]
    expect(countTextCharacters(messages)).toBe(8)
  })

  it('counts tool definitions with their names, schema property names, descriptions and enums', () => {
    const tools = [
      {
        type: 'function',
        function: { name: 'f', description: 'abcd', parameters: { type: 'object', properties: { city: { description: 'abcd', enum: ['ab', 'cd'] } } } },
      },
    ]
    expect(countTextCharacters(tools)).toBe('f'.length + 'abcd'.length + 'city'.length + 'abcd'.length + 'ab'.length + 'cd'.length)
  })

  it('counts token ids of pre-tokenized prompts as one token each', () => {
    expect(estimateTokens([1, 2, 3])).toBe(3)
    expect(estimateTokens([[1, 2], [3]])).toBe(3)
  })

  it('adds up several fields and returns 0 for nothing', () => {
    expect(estimateTokens('abcd', ['abcd', 'abcd'])).toBe(3)
    expect(estimateTokens(undefined, null)).toBe(0)
  })

  it('counts non-ASCII text by UTF-8 bytes, an upper bound for byte-level BPE tokenizers', () => {
    // 10 CJK characters: 3 UTF-8 bytes each (the old chars/4 estimate gave 3 tokens).
    expect(estimateTokens('預算管理預算管理預算')).toBe(30)
    expect(estimateTokens('预算'.repeat(10))).toBe(Buffer.byteLength('预算'.repeat(10), 'utf8'))
    // Cyrillic: 2 bytes each; an emoji (surrogate pair): 4 bytes.
    expect(estimateTokens('привет')).toBe(12)
    expect(estimateTokens('🙂')).toBe(4)
    // Mixed: 8 ASCII characters (2 tokens) plus 2 CJK characters (6 tokens).
    expect(estimateTokens([{ role: 'user', content: 'abcdefgh預算' }])).toBe(8)
  })

  it('reserves an allowance per image part, 85 tokens for OpenAI low detail', () => {
    const messages = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'abcdefgh' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          { type: 'image_url', image_url: { url: 'https://example.com/dog.png', detail: 'low' } },
        ],
      },
    ]
    expect(estimateTokens(messages)).toBe(2 + 1_600 + 85)
  })

  it('keeps countTextCharacters counting characters', () => {
    expect(countTextCharacters('預算')).toBe(2)
  })
})
