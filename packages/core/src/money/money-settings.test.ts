import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { resolveMoneySettings } from './money-settings.js'

const none = { options: {}, policyFile: {}, env: {} }

describe('resolveMoneySettings', () => {
  it('reads FINOPS_CURRENCY and FINOPS_EXCHANGE_RATES (units per 1 USD) from the environment', () => {
    const settings = resolveMoneySettings({ ...none, env: { FINOPS_CURRENCY: 'eur', FINOPS_EXCHANGE_RATES: 'EUR=0.92, gbp=0.79' } })
    expect(settings).toEqual({ currency: 'EUR', exchangeRates: { EUR: 0.92, GBP: 0.79 } })
  })

  it('takes each value from the option, then the policy file, then the environment', () => {
    const settings = resolveMoneySettings({
      options: { exchangeRates: { GBP: 0.8 } },
      policyFile: { currency: 'EUR', exchangeRates: { EUR: 0.9 } },
      env: { FINOPS_CURRENCY: 'GBP', FINOPS_EXCHANGE_RATES: 'EUR=0.95,GBP=0.79,JPY=150' },
    })
    expect(settings).toEqual({ currency: 'EUR', exchangeRates: { EUR: 0.9, GBP: 0.8, JPY: 150 } })
  })

  it('rejects an option and a policy file that set the currency or a rate differently, naming both', () => {
    const resolve = () =>
      resolveMoneySettings({ options: { currency: 'USD', exchangeRates: { eur: 0.86 } }, policyFile: { currency: 'EUR', exchangeRates: { EUR: 0.92 } }, env: {} })
    expect(resolve).toThrow(ConfigError)
    expect(resolve).toThrow(/currency: createFinOps\(\{ currency: 'USD' \}\) conflicts with the policy file's currency: EUR/)
    expect(resolve).toThrow(/exchangeRates\.eur: createFinOps\(\{ exchangeRates: \{ eur: 0\.86 \} \}\) conflicts with the policy file's exchange_rates: \{ EUR: 0\.92 \}/)
  })

  it('accepts an option and a policy file that agree', () => {
    const settings = resolveMoneySettings({ options: { currency: 'eur', exchangeRates: { EUR: 0.92 } }, policyFile: { currency: 'EUR', exchangeRates: { EUR: 0.92 } }, env: {} })
    expect(settings).toEqual({ currency: 'eur', exchangeRates: { EUR: 0.92 } })
  })

  it('names the variable of a malformed environment value', () => {
    const resolve = () => resolveMoneySettings({ ...none, env: { FINOPS_CURRENCY: 'euro', FINOPS_EXCHANGE_RATES: 'EUR:0.92' } })
    expect(resolve).toThrow(/FINOPS_CURRENCY: expected an ISO 4217 currency code such as EUR, got euro/)
    expect(resolve).toThrow(/FINOPS_EXCHANGE_RATES: expected CODE=units per 1 USD, comma separated \(e\.g\. EUR=0\.92,GBP=0\.79\), got 'EUR:0\.92'/)
  })

  it('ignores empty environment variables', () => {
    expect(resolveMoneySettings({ ...none, env: { FINOPS_CURRENCY: '', FINOPS_EXCHANGE_RATES: ' ' } })).toEqual({ exchangeRates: {} })
  })
})
