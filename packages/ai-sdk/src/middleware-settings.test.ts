import { createFinOps } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { MiddlewareSettings } from './middleware-settings.js'

describe('MiddlewareSettings', () => {
  it('completes requests with the semconv provider name and the default attribution', () => {
    const settings = new MiddlewareSettings({ finops: createFinOps(), attribution: { team: 'support' } }, 'finopsMiddleware')
    const read = { operation: 'chat' as const, model: 'claude-haiku-4-5', stream: false, estimatedInputTokens: 3 }
    expect(settings.complete(read, { provider: 'anthropic.messages' })).toEqual({ ...read, provider: 'anthropic', clientAttribution: { team: 'support' } })
  })

  it('names the option of an invalid attribution', () => {
    expect(() => new MiddlewareSettings({ finops: createFinOps(), attribution: { '1st': 'x' } }, 'finopsEmbeddingMiddleware')).toThrow(
      'finopsEmbeddingMiddleware.attribution.1st',
    )
  })
})
