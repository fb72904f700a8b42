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

  it('counts tool definitions with their schema property names and descriptions', () => {
    const tools = [
      { type: 'function', function: { name: 'f', description: 'abcd', parameters: { type: 'object', properties: { city: { description: 'abcd' } } } } },
    ]
    expect(countTextCharacters(tools)).toBe('abcd'.length + 'city'.length + 'abcd'.length)
  })

  it('counts token ids of pre-tokenized prompts as one token each', () => {
    expect(estimateTokens([1, 2, 3])).toBe(3)
    expect(estimateTokens([[1, 2], [3]])).toBe(3)
  })

  it('adds up several fields and returns 0 for nothing', () => {
    expect(estimateTokens('abcd', ['abcd', 'abcd'])).toBe(3)
    expect(estimateTokens(undefined, null)).toBe(0)
  })
})
