import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import { NANOS_PER_USD } from './nano-usd.js'

/** Options of {@link createCurrency}. */
export interface CurrencyOptions {
  /**
   * ISO 4217 code of the engine currency: amounts reported to users (spans, budgets, `status()`)
   * are in it. Lower case is accepted. Default `'USD'`.
   */
  currency?: string
  /**
   * Units of each currency per 1 USD, e.g. `{ EUR: 0.86 }` means 1 USD = 0.86 EUR. Needed for the
   * engine currency (unless USD) and for every currency an amount is given in (`hard_limit_eur`, a
   * price override with `currency: 'EUR'`). Rates must be positive finite numbers; keys are ISO 4217
   * codes in any case. Default `{}`.
   */
  exchangeRates?: Readonly<Record<string, number>>
}

/** Converts between exact nano-USD and decimal amounts in named currencies. */
export interface Currency {
  /** The engine currency, upper case (e.g. `'EUR'`). */
  readonly code: string
  /** Integer nano-USD → decimal amount in the engine currency, rounded to 1e-9 (for display; never accumulate it). */
  fromUsdNanos(nanos: number): number
  /**
   * Decimal `amount` in `currency` (default: the engine currency) → integer nano-USD, rounded to
   * the nearest nano. Throws {@link ConfigError} at `exchangeRates.<CODE>` when no rate is known;
   * `path` (e.g. `policies[0].hard_limit_eur`) is named in the message as the place that needs it.
   */
  toUsdNanos(amount: number, currency?: string, path?: string): number
  /** Units of `currency` per 1 USD (1 for USD); throws {@link ConfigError} like {@link Currency.toUsdNanos}. */
  rate(currency: string, path?: string): number
}

const currencyCode = /^[A-Z]{3}$/

/** Upper-cases an ISO 4217 code (`'eur'` → `'EUR'`), or returns `undefined` when it is not 3 letters. */
export function normalizeCurrencyCode(code: string): string | undefined {
  const upper = code.trim().toUpperCase()
  return currencyCode.test(upper) ? upper : undefined
}

/**
 * Bounds of an exchange rate (units per 1 USD). Every currency in use lies well inside them (the
 * strongest is about 0.3 per USD, the weakest about 10^5); a rate outside is a typo or an inverted
 * rate, and would turn limits into 0 or make amounts overflow the store's integers.
 */
const MIN_EXCHANGE_RATE = 1e-4
const MAX_EXCHANGE_RATE = 1e7

/**
 * Validates `currency` and `exchangeRates` once and returns a converter. Invalid configuration
 * throws one {@link ConfigError} listing every problem (paths `currency`, `exchangeRates.EUR`).
 */
export function createCurrency(options: CurrencyOptions = {}): Currency {
  const issues: ConfigIssue[] = []
  const rates = new Map<string, number>([['USD', 1]])
  for (const [key, value] of Object.entries(options.exchangeRates ?? {})) {
    const code = normalizeCurrencyCode(key)
    if (code === undefined) {
      issues.push({ path: `exchangeRates.${key}`, detail: 'expected an ISO 4217 currency code such as EUR' })
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < MIN_EXCHANGE_RATE || value > MAX_EXCHANGE_RATE) {
      issues.push({ path: `exchangeRates.${key}`, detail: `expected a number of ${code} per 1 USD between ${MIN_EXCHANGE_RATE} and ${MAX_EXCHANGE_RATE}, got ${String(value)}` })
    } else if (code === 'USD' && value !== 1) {
      issues.push({ path: `exchangeRates.${key}`, detail: 'the USD rate is always 1; remove it' })
    } else {
      rates.set(code, value)
    }
  }
  const requested = options.currency ?? 'USD'
  const currency = typeof requested === 'string' ? normalizeCurrencyCode(requested) : undefined
  if (currency === undefined) {
    issues.push({ path: 'currency', detail: `expected an ISO 4217 currency code such as USD or EUR, got ${String(requested)}` })
  } else if (!rates.has(currency) && issues.every((issue) => !issue.path.startsWith('exchangeRates.'))) {
    issues.push(missingRate(currency, 'currency'))
  }
  if (issues.length > 0) throw new ConfigError(issues)
  const engine = currency as string
  const engineRate = rates.get(engine) as number

  function rate(code: string, path?: string): number {
    const normalized = normalizeCurrencyCode(code)
    if (normalized === undefined) {
      throw new ConfigError({ path: path ?? 'currency', detail: `expected an ISO 4217 currency code, got ${code}` })
    }
    const value = rates.get(normalized)
    if (value === undefined) throw new ConfigError(missingRate(normalized, path))
    return value
  }

  return {
    code: engine,
    // Rounded to a billionth of the engine currency, so reported amounts carry no float noise.
    fromUsdNanos: (nanos) => Math.round(nanos * engineRate) / NANOS_PER_USD,
    toUsdNanos(amount, code, path) {
      const usd = amount / (code === undefined ? engineRate : rate(code, path))
      return Math.round(usd * NANOS_PER_USD)
    },
    rate,
  }
}

function missingRate(code: string, usedBy?: string): ConfigIssue {
  const where = usedBy ? ` (needed by ${usedBy})` : ''
  return {
    path: `exchangeRates.${code}`,
    detail: `no exchange rate for ${code}${where}; add exchangeRates: { ${code}: <${code} per 1 USD> }`,
  }
}
