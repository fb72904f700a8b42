import { describe, expect, it } from 'vitest'
import { answerAffectingOptions } from './answer-affecting-options.js'

describe('answerAffectingOptions', () => {
  it('keeps headers (lower-cased, from an object, a Headers instance or pairs) and query, nothing else', () => {
    const expected = { headers: { 'anthropic-beta': 'context-1m' }, query: { 'api-version': '2024-10-21' } }
    expect(answerAffectingOptions({ headers: { 'Anthropic-Beta': 'context-1m' }, query: { 'api-version': '2024-10-21' }, timeout: 5, maxRetries: 1 })).toEqual(expected)
    expect(answerAffectingOptions({ headers: new Headers({ 'Anthropic-Beta': 'context-1m' }), query: { 'api-version': '2024-10-21' } })).toEqual(expected)
    expect(answerAffectingOptions({ headers: [['Anthropic-Beta', 'context-1m']], query: { 'api-version': '2024-10-21' } })).toEqual(expected)
  })

  it("leaves out the SDK's own x-stainless-* headers (its stream() helpers add one)", () => {
    expect(answerAffectingOptions({ headers: { 'X-Stainless-Helper-Method': 'stream' } })).toBeUndefined()
    expect(answerAffectingOptions({ headers: { 'X-Stainless-Helper-Method': 'stream', 'Anthropic-Beta': 'x' } })).toEqual({ headers: { 'anthropic-beta': 'x' } })
  })

  it('is undefined without headers or query, or with empty headers', () => {
    expect(answerAffectingOptions(undefined)).toBeUndefined()
    expect(answerAffectingOptions({ timeout: 1_000, signal: new AbortController().signal })).toBeUndefined()
    expect(answerAffectingOptions({ headers: {} })).toBeUndefined()
    expect(answerAffectingOptions({ headers: { 'x-skipped': undefined } })).toBeUndefined()
  })

  it('keeps a header value of null (the SDKs unset a default header with it)', () => {
    expect(answerAffectingOptions({ headers: { 'OpenAI-Beta': null } })).toEqual({ headers: { 'openai-beta': null } })
  })

  it('returns headers of a shape it cannot read as given: the key holds them as they are, never leaves them out', () => {
    const odd = [['x-a', 'b', 'c'], 'x-b']
    expect(answerAffectingOptions({ headers: odd })).toEqual({ headers: odd })
  })
})
