import { describe, expect, it } from 'vitest'
import { findModel } from './find-model.js'
import { bundledPriceData, priceDataFrom } from './price-data.js'

const data = bundledPriceData()
const found = (provider: string, model: string) => {
  const hit = findModel(data, provider, model)
  return hit && `${hit.provider.id}/${hit.model.id} (${hit.via})`
}

describe('findModel', () => {
  it('finds a model in the mapped provider table', () => {
    expect(found('openai', 'gpt-4o-2024-08-06')).toBe('openai/gpt-4o (provider)')
    expect(found('anthropic', 'claude-sonnet-4-5-20250929')).toBe('anthropic/claude-sonnet-4-5 (provider)')
    expect(found('azure.ai.openai', 'o3')).toBe('azure/o3-2025-04-16 (provider)')
  })

  it('falls back to the provider fallback_model_providers', () => {
    expect(found('azure.ai.openai', 'gpt-4o')).toBe('openai/gpt-4o (fallback)')
  })

  it('rewrites a compact -YYYYMMDD date as genai-prices does', () => {
    const providers = [{ id: 'acme', name: 'Acme', api_pattern: '', models: [{ id: 'm', match: { equals: 'm-2025-01-31' }, prices: { input_mtok: 1 } }] }]
    expect(findModel(priceDataFrom(providers, '2026-11-30'), 'acme', 'M-20250131')?.model.id).toBe('m')
  })

  it('uses the provider claiming the model id when the provider is unknown', () => {
    expect(found('my-gateway', 'gpt-5')).toBe('openai/gpt-5 (model_match)')
  })

  it('matches across providers only when every listing agrees on the price', () => {
    expect(found('ibm.watsonx.ai', 'llama-3.3-70b-versatile')).toBe('groq/llama-3.3-70b-versatile (unambiguous)')
    // listed by anthropic, aws (regional) and google at different prices
    expect(found('ibm.watsonx.ai', 'anthropic.claude-sonnet-4-5-20250929-v1:0')).toBeUndefined()
  })

  it('returns undefined for a model nobody lists', () => {
    expect(found('openai', 'definitely-not-a-model')).toBeUndefined()
  })
})
