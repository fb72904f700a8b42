import { describe, expect, it } from 'vitest'
import { genaiPricesProviderId } from './genai-prices-provider.js'

describe('genaiPricesProviderId', () => {
  it('maps gen_ai.provider.name values to genai-prices provider ids', () => {
    expect(genaiPricesProviderId('azure.ai.openai')).toBe('azure')
    expect(genaiPricesProviderId('aws.bedrock')).toBe('aws')
    expect(genaiPricesProviderId('gcp.vertex_ai')).toBe('google')
    expect(genaiPricesProviderId('gcp.gemini')).toBe('google')
    expect(genaiPricesProviderId('x_ai')).toBe('x-ai')
    expect(genaiPricesProviderId('mistral_ai')).toBe('mistral')
    expect(genaiPricesProviderId('openai')).toBe('openai')
  })

  it('passes unknown names through lower-cased', () => {
    expect(genaiPricesProviderId(' OpenRouter ')).toBe('openrouter')
  })
})
