import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { createCurrency } from '../money/currency.js'
import { parsePriceOverrides, type ModelPriceOverride } from './model-price-override.js'

const usd = createCurrency()

function issues(overrides: Record<string, ModelPriceOverride>, currency = usd): string[] {
  try {
    parsePriceOverrides(overrides, currency)
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues.map((issue) => issue.path)
    throw error
  }
  return []
}

describe('parsePriceOverrides', () => {
  it('converts override prices to integer rates with fallbacks', () => {
    const rates = parsePriceOverrides({ 'GPT-4o': { input: 2, output: 8, cacheRead: 1, perRequest: 0.001 } }, usd).get('gpt-4o')
    expect(rates?.input.base).toBe(2_000_000)
    expect(rates?.cacheRead.base).toBe(1_000_000)
    expect(rates?.cacheWrite).toBe(rates?.input)
    expect(rates?.reasoning).toBe(rates?.output)
    expect(rates?.request.base).toBe(1_000_000_000) // 0.001 USD = 1e9 pico
  })

  it('converts prices given in another currency to USD', () => {
    const eur = createCurrency({ exchangeRates: { EUR: 0.86 } })
    const rates = parsePriceOverrides({ m: { input: 1.72, output: 8.6, currency: 'eur' } }, eur).get('m')
    expect(rates?.input.base).toBe(2_000_000) // 1.72 EUR / 0.86 = 2 USD per 1M
    expect(rates?.output.base).toBe(10_000_000)
  })

  it('reports every invalid price at prices["<model>"].<field>', () => {
    expect(issues({ 'gpt-4o': { input: -1, output: Number.NaN } })).toEqual(['prices["gpt-4o"].input', 'prices["gpt-4o"].output'])
    expect(issues({ m: { output: 1 } as ModelPriceOverride })).toEqual(['prices["m"].input'])
    expect(issues({ m: { input: 1, output: 1, cacheWrite1h: Number.POSITIVE_INFINITY } })).toEqual(['prices["m"].cacheWrite1h'])
    expect(issues({ m: null as unknown as ModelPriceOverride })).toEqual(['prices["m"]'])
  })

  it('reports a currency without an exchange rate at exchangeRates.<CODE>', () => {
    expect(issues({ m: { input: 1, output: 1, currency: 'CHF' } })).toEqual(['exchangeRates.CHF'])
  })
})
