import { describe, expect, it } from 'vitest'
import { canonicalJSON, responseCacheKey, type ResponseCacheKeyParts } from './response-cache-key.js'

const parts: ResponseCacheKeyParts = {
  provider: 'openai',
  apiMethod: 'chat.completions.create',
  server: 'api.openai.com:443',
  params: { model: 'gpt-4o', temperature: 0, messages: [{ role: 'user', content: 'Hi' }] },
  scope: [['team', 'a']],
}

describe('responseCacheKey', () => {
  it('gives identical requests the same SHA-256 key, whatever their key order', () => {
    const reordered = { ...parts, params: { messages: [{ content: 'Hi', role: 'user' }], temperature: 0, model: 'gpt-4o' } }
    expect(responseCacheKey(reordered)).toBe(responseCacheKey(parts))
    expect(responseCacheKey(parts)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives any difference another key: a parameter, the stream options, the method, the server or the scope', () => {
    const keys = [
      parts,
      { ...parts, params: { ...parts.params, temperature: 0.1 } },
      { ...parts, params: { ...parts.params, stream: true } },
      { ...parts, params: { ...parts.params, stream: true, stream_options: { include_usage: true } } },
      { ...parts, apiMethod: 'completions.create' },
      { ...parts, provider: 'azure.ai.openai' },
      { ...parts, server: 'localhost:8080' },
      { ...parts, scope: [['team', 'b']] as const },
      { ...parts, scope: [['team', null]] as const },
    ].map(responseCacheKey)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('has no key for parameters that are not JSON values (an uploaded file)', () => {
    expect(responseCacheKey({ ...parts, params: { model: 'whisper-1', file: new Blob(['audio']) } })).toBeUndefined()
    expect(responseCacheKey({ ...parts, params: { model: 'x', at: new Date(0) } })).toBeUndefined()
  })
})

describe('canonicalJSON', () => {
  it('sorts keys at every depth and drops undefined fields as JSON does', () => {
    expect(canonicalJSON({ b: [{ d: 1, c: undefined }, undefined], a: null })).toBe('{"a":null,"b":[{"d":1},null]}')
    expect(canonicalJSON(Number.NaN)).toBeUndefined()
  })
})
