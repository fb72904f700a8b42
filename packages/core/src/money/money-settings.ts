import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { CurrencyOptions } from './currency.js'
import { normalizeCurrencyCode } from './currency.js'

/** The engine currency and exchange rates as one source configures them (codes in any case). */
export interface MoneySource {
  currency?: string
  exchangeRates?: Readonly<Record<string, number>>
}

/** Inputs of {@link resolveMoneySettings}, highest precedence first. */
export interface MoneySettingsSources {
  /** `createFinOps({ currency, exchangeRates })`. */
  options: MoneySource
  /** The policy file's `currency:` and `exchange_rates:`. */
  policyFile: MoneySource
  /** Environment; `FINOPS_CURRENCY` (`EUR`) and `FINOPS_EXCHANGE_RATES` (`EUR=0.92,GBP=0.79`, units per 1 USD) are read. */
  env: Readonly<Record<string, string | undefined>>
}

/**
 * Merges the engine currency and exchange rates from the options, the policy file and the
 * environment. Each value is taken from the highest source that sets it: explicit option, then
 * policy file, then environment. The option and the policy file are both code the user wrote, so
 * when they set the same value differently that is a {@link ConfigError} naming both; the
 * environment is a deployment default and is overridden silently.
 */
export function resolveMoneySettings(sources: MoneySettingsSources): CurrencyOptions {
  const issues: ConfigIssue[] = []
  const env = fromEnvironment(sources.env, issues)
  const { options, policyFile } = sources
  const optionCurrency = options.currency === undefined ? undefined : (normalizeCurrencyCode(String(options.currency)) ?? options.currency)
  if (optionCurrency !== undefined && policyFile.currency !== undefined && optionCurrency !== policyFile.currency) {
    issues.push({
      path: 'currency',
      detail: `createFinOps({ currency: '${options.currency}' }) conflicts with the policy file's currency: ${policyFile.currency}; set it in one place`,
    })
  }
  const exchangeRates: Record<string, number> = {}
  for (const [code, rate] of Object.entries(env.exchangeRates ?? {})) exchangeRates[code] = rate
  for (const [code, rate] of Object.entries(policyFile.exchangeRates ?? {})) exchangeRates[code] = rate
  for (const [key, rate] of Object.entries(options.exchangeRates ?? {})) {
    const code = normalizeCurrencyCode(key) ?? key
    const fileRate = policyFile.exchangeRates?.[code]
    if (fileRate !== undefined && fileRate !== rate) {
      issues.push({
        path: `exchangeRates.${key}`,
        detail: `createFinOps({ exchangeRates: { ${key}: ${rate} } }) conflicts with the policy file's exchange_rates: { ${code}: ${fileRate} }; set it in one place`,
      })
    }
    delete exchangeRates[code]
    exchangeRates[key] = rate
  }
  if (issues.length > 0) throw new ConfigError(issues)
  const currency = options.currency ?? policyFile.currency ?? env.currency
  return { ...(currency === undefined ? {} : { currency }), exchangeRates }
}

function fromEnvironment(env: MoneySettingsSources['env'], issues: ConfigIssue[]): MoneySource {
  const result: { currency?: string; exchangeRates?: Record<string, number> } = {}
  const currency = env.FINOPS_CURRENCY?.trim()
  if (currency) {
    const code = normalizeCurrencyCode(currency)
    if (code === undefined) issues.push({ path: 'FINOPS_CURRENCY', detail: `expected an ISO 4217 currency code such as EUR, got ${currency}` })
    else result.currency = code
  }
  const rates = env.FINOPS_EXCHANGE_RATES?.trim()
  if (rates) {
    result.exchangeRates = {}
    for (const entry of rates.split(',')) {
      const [key = '', value = '', ...rest] = entry.split('=').map((part) => part.trim())
      const code = normalizeCurrencyCode(key)
      const rate = Number(value)
      if (code === undefined || rest.length > 0 || value === '' || !Number.isFinite(rate) || rate <= 0) {
        issues.push({ path: 'FINOPS_EXCHANGE_RATES', detail: `expected CODE=units per 1 USD, comma separated (e.g. EUR=0.92,GBP=0.79), got '${entry.trim()}'` })
      } else {
        result.exchangeRates[code] = rate
      }
    }
  }
  return result
}
