import { describe, expect, it } from 'vitest'
import { fakeInputTokens, fakeReplyWords, fakeTokenCount } from './fake-tokens.js'

describe('fakeTokenCount', () => {
  it('counts whitespace-separated words', () => {
    expect(fakeTokenCount('Hello  big\n\tworld ')).toBe(3)
    expect(fakeTokenCount('')).toBe(0)
    expect(fakeTokenCount('   ')).toBe(0)
    expect(fakeTokenCount('{"a":1}')).toBe(1)
  })
})

describe('fakeReplyWords', () => {
  it('cycles the fixed 16-word sentence', () => {
    expect(fakeReplyWords(3)).toEqual(['Hello', 'from', 'the'])
    expect(fakeReplyWords(17).at(-1)).toBe('Hello')
    expect(fakeReplyWords(0)).toEqual([])
  })
})

describe('fakeInputTokens', () => {
  it('counts message contents, text parts, tool outputs and token ids but not roles', () => {
    expect(
      fakeInputTokens([
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: [{ type: 'text', text: 'one two three' }, { type: 'image_url', image_url: {} }] },
        { type: 'function_call_output', call_id: 'c', output: 'found it' },
      ]),
    ).toBe(7)
    expect(fakeInputTokens([[1, 2, 3], 'four'])).toBe(4)
    expect(fakeInputTokens(undefined)).toBe(0)
  })
})
