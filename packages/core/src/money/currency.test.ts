import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { createCurrency, normalizeCurrencyCode } from './currency.js'

function configError(run: () => unknown): ConfigError {
  try {
    run()
  } catch (error) {
    if (ConfigError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('createCurrency', () => {
  it('defaults to USD and converts nanos to decimal USD', () => {
    const usd = createCurrency()
    expect(usd.code).toBe('USD')
    expect(usd.fromUsdNanos(7_500_000)).toBe(0.0075)
    expect(usd.toUsdNanos(12.5)).toBe(12_500_000_000)
  })

  it('converts nano-USD into the engine currency with 1 USD = rate units', () => {
    const eur = createCurrency({ currency: 'EUR', exchangeRates: { EUR: 0.86 } })
    expect(eur.code).toBe('EUR')
    expect(eur.fromUsdNanos(7_500_000)).toBeCloseTo(0.00645, 12) // 0.0075 USD × 0.86
  })

  it('converts an amount in a named currency into nano-USD', () => {
    const eur = createCurrency({ currency: 'EUR', exchangeRates: { EUR: 0.86 } })
    expect(eur.toUsdNanos(6000, 'EUR')).toBe(6_976_744_186_047) // 6000 / 0.86 USD
    expect(eur.toUsdNanos(6000)).toBe(6_976_744_186_047)
    expect(eur.toUsdNanos(10, 'usd')).toBe(10_000_000_000)
    expect(eur.rate('eur')).toBe(0.86)
  })

  it('accepts lower-case codes and rate keys', () => {
    const eur = createCurrency({ currency: 'eur', exchangeRates: { eur: 0.86 } })
    expect(eur.code).toBe('EUR')
    expect(normalizeCurrencyCode('chf')).toBe('CHF')
    expect(normalizeCurrencyCode('euro')).toBeUndefined()
  })

  it('rejects an engine currency without a rate at exchangeRates.<CODE>', () => {
    const error = configError(() => createCurrency({ currency: 'EUR' }))
    expect(error.path).toBe('exchangeRates.EUR')
    expect(error.message).toContain('exchangeRates: { EUR:')
  })

  it('rejects an amount in a currency without a rate, naming where it was used', () => {
    const usd = createCurrency()
    const error = configError(() => usd.toUsdNanos(6000, 'eur', 'policies[0].hard_limit_eur'))
    expect(error.path).toBe('exchangeRates.EUR')
    expect(error.message).toContain('policies[0].hard_limit_eur')
  })

  it('rejects rates that are not positive finite numbers', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '0.86' as unknown as number]) {
      expect(configError(() => createCurrency({ exchangeRates: { EUR: bad } })).path).toBe('exchangeRates.EUR')
    }
  })

  it('rejects rates outside any real currency (1e-4 to 1e7 per USD), which would zero limits or overflow', () => {
    for (const bad of [1e300, 1e8, 1e-5]) {
      const error = configError(() => createCurrency({ exchangeRates: { EUR: bad } }))
      expect(error.path).toBe('exchangeRates.EUR')
      expect(error.message).toContain('between 0.0001 and 10000000')
    }
    expect(createCurrency({ currency: 'VND', exchangeRates: { VND: 26_000 } }).fromUsdNanos(1_000_000_000)).toBe(26_000)
  })

  it('rejects malformed currency codes', () => {
    expect(configError(() => createCurrency({ currency: 'EURO' })).path).toBe('currency')
    expect(configError(() => createCurrency({ exchangeRates: { euros: 1 } })).path).toBe('exchangeRates.euros')
  })

  it('reports converted amounts without float noise and round-trips a configured limit', () => {
    const eur = createCurrency({ currency: 'EUR', exchangeRates: { EUR: 0.86 } })
    expect(eur.fromUsdNanos(10_350)).toBe(0.000008901)
    expect(eur.fromUsdNanos(eur.toUsdNanos(5))).toBe(5)
  })
})
