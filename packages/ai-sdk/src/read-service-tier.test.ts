import { describe, expect, it } from 'vitest'
import { readServiceTier } from './read-service-tier.js'

describe('readServiceTier', () => {
  it("reads OpenAI's serviceTier and Anthropic's usage.service_tier", () => {
    expect(readServiceTier({ openai: { responseId: 'resp_1', serviceTier: 'flex' } })).toBe('flex')
    expect(readServiceTier({ anthropic: { usage: { service_tier: 'batch' } } })).toBe('batch')
  })

  it('is undefined when no tier is reported', () => {
    expect(readServiceTier({ openai: { acceptedPredictionTokens: 0 } })).toBeUndefined()
    expect(readServiceTier(undefined)).toBeUndefined()
  })
})
