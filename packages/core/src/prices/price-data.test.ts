import { waitForUpdate } from '@pydantic/genai-prices'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ConfigError } from '../errors/config-error.js'
import { BUNDLED_PRICE_DATA_DATE, BUNDLED_PRICE_DATA_VERSION, BUNDLED_PROVIDER_IDS, bundledPriceData, priceDataFrom, toPriceData } from './price-data.js'

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
    const data = priceDataFrom([{ id: 'acme', name: 'Acme', api_pattern: '', models: [] }], '2026-11-30')
    expect(data.provider('ACME')?.name).toBe('Acme')
    expect(data.providers()).toHaveLength(1)
    expect(data.date).toBe('2026-11-30')
  })
})

describe('bundled data date', () => {
  it('belongs to the installed genai-prices version (update both when upgrading it)', () => {
    const require = createRequire(import.meta.url)
    const entry = require.resolve('@pydantic/genai-prices')
    const manifest = JSON.parse(readFileSync(entry.replace(/dist[\\/]index\.c?js$/, 'package.json'), 'utf8')) as { version: string }
    expect(manifest.version).toBe(BUNDLED_PRICE_DATA_VERSION)
    expect(bundledPriceData().date).toBe(BUNDLED_PRICE_DATA_DATE)
  })
})

describe('toPriceData', () => {
  const pathOf = (run: () => unknown): string | undefined => {
    try {
      run()
    } catch (error) {
      if (ConfigError.isInstance(error)) return error.path
      throw error
    }
    return undefined
  }

  it('accepts the providers of a data.json with its date, or a PriceData', () => {
    const data = toPriceData({ providers: [{ id: 'acme', name: 'Acme', api_pattern: '', models: [] }], date: '2026-11-30' })
    expect(data.provider('acme')?.id).toBe('acme')
    expect(data.date).toBe('2026-11-30')
    const bundled = bundledPriceData()
    expect(toPriceData(bundled)).toBe(bundled)
  })

  it('rejects data without a date or without providers', () => {
    expect(pathOf(() => toPriceData({ providers: [], date: 'yesterday' }))).toBe('priceData.date')
    expect(pathOf(() => toPriceData({ providers: {} as never, date: '2026-11-30' }))).toBe('priceData.providers')
    expect(pathOf(() => toPriceData(null as never))).toBe('priceData')
  })
})
