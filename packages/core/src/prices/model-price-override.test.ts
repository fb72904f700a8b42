import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { createCurrency } from '../money/currency.js'
import { parsePriceOverrides, type PriceOverride } from './model-price-override.js'

const usd = createCurrency()

function issues(overrides: Record<string, PriceOverride>, currency = usd): string[] {
  try {
    parsePriceOverrides(overrides, currency)
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues.map((issue) => issue.path)
    throw error
  }
  return []
}

describe('parsePriceOverrides', () => {
  it('converts an override into price-data keys in USD, case-insensitively keyed', () => {
    const parsed = parsePriceOverrides({ 'GPT-4o': { input: 2, output: 8, cacheRead: 1, perRequest: 0.001, perAudioMinute: 0.006, inputCharacters: 15 } }, usd).get('gpt-4o')
    expect(parsed?.prices).toEqual({ input_mtok: 2, output_mtok: 8, cache_read_mtok: 1, requests_kcount: 1, input_audio_hours: 0.36, input_mchars: 15 })
  })

  it('carries long-context tiers, dated prices and tier prices', () => {
    const parsed = parsePriceOverrides(
      {
        m: [
          { from: '2027-01-01', input: 1, output: 2 },
          { input: { base: 3, tiers: [{ start: 200_000, price: 6 }] }, output: 15, serviceTiers: { priority: { input: 5 }, batch: 0.4 } },
        ],
      },
      usd,
    ).get('m')
    expect(parsed?.prices).toEqual([
      { prices: { input_mtok: { base: 3, tiers: [{ start: 200_000, price: 6 }] }, output_mtok: 15 } },
      { constraint: { type: 'start_date', start_date: '2027-01-01' }, prices: { input_mtok: 1, output_mtok: 2 } },
    ])
    expect(parsed?.tiers.get('priority')).toEqual({ patch: { input_mtok: 5 } })
    expect(parsed?.tiers.get('batch')).toEqual({ milli: 400 })
  })

  it('converts prices given in another currency to USD', () => {
    const eur = createCurrency({ exchangeRates: { EUR: 0.86 } })
    const parsed = parsePriceOverrides({ m: { input: 1.72, output: 8.6, currency: 'eur' } }, eur).get('m')
    expect(parsed?.prices).toEqual({ input_mtok: 2, output_mtok: 10 }) // 1.72 EUR / 0.86 = 2 USD per 1M
  })

  it('reports every invalid price at prices["<model>"].<field>', () => {
    expect(issues({ 'gpt-4o': { input: -1, output: Number.NaN } })).toEqual(['prices["gpt-4o"].input', 'prices["gpt-4o"].output'])
    expect(issues({ m: {} })).toEqual(['prices["m"]'])
    expect(issues({ m: { input: 1, output: 1, cacheWrite1h: Number.POSITIVE_INFINITY } })).toEqual(['prices["m"].cacheWrite1h'])
    expect(issues({ m: { input: 1, output: 1, perRequest: { base: 1, tiers: [] } as never } })).toEqual(['prices["m"].perRequest'])
    expect(issues({ m: { input: { base: 1, tiers: [{ start: -1, price: 2 }] }, output: 1 } })).toEqual(['prices["m"].input.tiers[0].start'])
    expect(issues({ m: [{ input: 1, output: 1 }, { from: 'soon', input: 1, output: 1 }] })).toEqual(['prices["m"][1].from'])
    expect(issues({ m: { input: 1, output: 1, serviceTiers: { priority: -2 } } })).toEqual(['prices["m"].serviceTiers.priority'])
    expect(issues({ m: null as unknown as PriceOverride })).toEqual(['prices["m"]'])
  })

  it('reports a currency without an exchange rate at exchangeRates.<CODE>', () => {
    expect(issues({ m: { input: 1, output: 1, currency: 'CHF' } })).toEqual(['exchangeRates.CHF'])
  })
})
