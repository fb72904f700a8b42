import { describe, expect, it } from 'vitest'
import { completeRequest, readRequestBasics } from './read-request-basics.js'

describe('readRequestBasics', () => {
  it('reads model, stream, service tier and the output limit', () => {
    expect(readRequestBasics({ model: 'gpt-4o', stream: true, service_tier: 'flex' }, 'chat', 12, 256)).toEqual({
      operation: 'chat',
      model: 'gpt-4o',
      stream: true,
      estimatedInputTokens: 12,
      maxOutputTokens: 256,
      serviceTier: 'flex',
    })
  })

  it('leaves out what is absent or mistyped, and names a missing model unknown', () => {
    expect(readRequestBasics({ stream: 'yes', service_tier: 3 }, 'embeddings', 4, 'many')).toEqual({
      operation: 'embeddings',
      model: 'unknown',
      stream: false,
      estimatedInputTokens: 4,
    })
  })
})

describe('readRequestBasics shape', () => {
  it('gives every request the same fields in the same order, whatever the body sets', () => {
    const sparse = readRequestBasics({}, 'embeddings', 0, undefined)
    const full = completeRequest(
      readRequestBasics({ model: 'gpt-4o', stream: true, service_tier: 'flex', temperature: 1 }, 'chat', 9, 64, { temperature: 'temperature' }),
      { provider: 'openai', server: { address: 'api.openai.com', port: 443 } },
      { team: 't' },
    )
    full.apiMethod = 'chat.completions.create'
    expect(Object.keys(full)).toEqual(Object.keys(sparse))
  })
})

describe('completeRequest', () => {
  it("adds the client's provider, server and default attribution to the request in place", () => {
    const read = readRequestBasics({ model: 'gpt-4o' }, 'chat', 1, undefined)
    const request = completeRequest(read, { provider: 'azure.ai.openai', server: { address: 'x.openai.azure.com', port: 443 } }, { team: 't' })
    expect(request).toBe(read)
    expect(request).toMatchObject({ provider: 'azure.ai.openai', server: { address: 'x.openai.azure.com', port: 443 }, clientAttribution: { team: 't' } })
    expect(completeRequest(readRequestBasics({}, 'chat', 1, undefined), { provider: 'openai' }, undefined).clientAttribution).toBeUndefined()
  })
})

describe('readRequestBasics parameters', () => {
  it('reads the named parameters as numbers or string lists, and leaves parameters out when none is set', () => {
    const fields = { temperature: 'temperature', choiceCount: 'n', stopSequences: 'stop', encodingFormats: 'encoding_format' } as const
    expect(readRequestBasics({ temperature: 0.2, n: 2, stop: 'END', encoding_format: ['base64', 7] }, 'chat', 1, undefined, fields).parameters).toEqual({
      temperature: 0.2,
      choiceCount: 2,
      stopSequences: ['END'],
      encodingFormats: ['base64'],
    })
    expect(readRequestBasics({ temperature: 'hot' }, 'chat', 1, undefined, fields).parameters).toBeUndefined()
  })
})
