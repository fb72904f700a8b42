import { waitForUpdate } from '@pydantic/genai-prices'
import { describe, expect, it } from 'vitest'
import { BUNDLED_PROVIDER_IDS, bundledPriceData, priceDataFrom } from './price-data.js'

describe('bundledPriceData', () => {
  it('lists exactly the providers of the bundled genai-prices data', async () => {
    const providers = await waitForUpdate()
    expect([...BUNDLED_PROVIDER_IDS].sort()).toEqual(providers?.map((provider) => provider.id).sort())
    expect(bundledPriceData().providers().map((provider) => provider.id)).toEqual(BUNDLED_PROVIDER_IDS)
  })

  it('finds providers by id and by genai-prices provider_match', () => {
    const data = bundledPriceData()
    expect(data.provider('azure')?.id).toBe('azure')
    expect(data.provider('bedrock')?.id).toBe('aws')
    expect(data.provider('no-such-provider')).toBeUndefined()
  })
})

describe('priceDataFrom', () => {
  it('serves an in-memory provider list', () => {
    const data = priceDataFrom([{ id: 'acme', name: 'Acme', api_pattern: '', models: [] }])
    expect(data.provider('ACME')?.name).toBe('Acme')
    expect(data.providers()).toHaveLength(1)
  })
})
