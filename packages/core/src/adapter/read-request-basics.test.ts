import { describe, expect, it } from 'vitest'
import { readRequestBasics } from './read-request-basics.js'

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
