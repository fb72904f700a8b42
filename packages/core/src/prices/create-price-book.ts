import { diag } from '@opentelemetry/api'
import { LRUCache } from 'lru-cache'
import { createCurrency, type Currency } from '../money/currency.js'
import { UNIT_MULTIPLIER_MILLI } from '../money/meter-nanos.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import { costOfUsage } from './cost-of-usage.js'
import { findModel } from './find-model.js'
import { METERED_PRICE_KEYS, meterRatesFromModelPrice, type MeterRates } from './meter-rates.js'
import { parsePriceOverrides, type ModelPriceOverride } from './model-price-override.js'
import { bundledPriceData, type PriceData } from './price-data.js'
import type { CostBreakdown, PriceBook, PriceSource, ResolvedPrice } from './price-book-types.js'
import { createPriceSchedule, fixedSchedule, priceAt, type PriceSchedule } from './price-schedule.js'
import { compileServiceTiers } from './service-tiers.js'

/** Options of {@link createPriceBook}. */
export interface PriceBookOptions {
  /**
   * User prices that win over the bundled data, keyed by model id or `provider:model`
   * (`gen_ai.provider.name`; the provider-specific key wins). Validated at creation. Default `{}`.
   */
  overrides?: Readonly<Record<string, ModelPriceOverride>>
  /** Config path of `overrides` named in errors. Default `'prices'` (the `createFinOps` option). */
  overridesPath?: string
  /** Converts override prices given in another `currency` to USD. Default: USD only. */
  currency?: Currency
  /** Service-tier multipliers merged over `DEFAULT_SERVICE_TIERS` (`batch` 0.5, `priority` 2, …). */
  serviceTiers?: Readonly<Record<string, number>>
  /** How many resolved (provider, model) pairs to keep, unknown ones included. Default 1000. */
  cacheSize?: number
  /** The price table. Default: the offline data bundled with `@pydantic/genai-prices`. */
  data?: PriceData
}

/** The {@link ResolvedPrice} this book returns, with where its bundled price was found. */
export interface BookPrice extends ResolvedPrice {
  /** genai-prices provider id whose table priced the model (the given provider for overrides). */
  readonly priceProvider: string
  /** genai-prices model id that matched (the override key for overrides). */
  readonly priceModel: string
}

const unknown = Symbol('unknown model')
type Entry = PriceSchedule<BookPrice> | typeof unknown

/**
 * Creates the price book: overrides are validated now; each (provider, model) is looked up in the
 * data on first use only (see `findModel`) and its whole price schedule (dated and time-of-day
 * prices, each converted to integer rates) is cached in an LRU. Later calls do one map lookup and,
 * for models whose price changed over time, a comparison of precomputed timestamps — so a price
 * that changes at a date is honoured by a cached entry. The same object is returned for the same
 * (provider, model, effective price). Unknown models are cached too and resolve to `null`, as do
 * models whose bundled entry cannot be read (logged once through OTel `diag`).
 */
export function createPriceBook(options: PriceBookOptions = {}): PriceBook {
  const data = options.data ?? bundledPriceData()
  const tiers = compileServiceTiers(options.serviceTiers)
  const currency = options.currency ?? createCurrency()
  const overrides = parsePriceOverrides(options.overrides ?? {}, currency, options.overridesPath)
  const cache = new LRUCache<string, Entry>({ max: options.cacheSize ?? 1000 })

  function multiplierOf(serviceTier: string | undefined): number {
    if (serviceTier === undefined) return UNIT_MULTIPLIER_MILLI
    return tiers.get(serviceTier) ?? tiers.get(serviceTier.toLowerCase()) ?? UNIT_MULTIPLIER_MILLI
  }

  function price(provider: string, model: string, source: PriceSource, rates: MeterRates, found: [string, string]): BookPrice {
    return {
      provider,
      model,
      source,
      priceProvider: found[0],
      priceModel: found[1],
      cost: (usage: NormalizedUsage, costOptions?: { serviceTier?: string }): CostBreakdown =>
        costOfUsage(rates, usage, multiplierOf(costOptions?.serviceTier)),
    }
  }

  function load(provider: string, model: string): Entry {
    const providerKey = `${provider}:${model}`.toLowerCase().trim()
    const modelKey = model.toLowerCase().trim()
    const override = overrides.get(providerKey) ?? overrides.get(modelKey)
    if (override) {
      const key = overrides.has(providerKey) ? providerKey : modelKey
      return fixedSchedule(price(provider, model, 'override', override, [provider, key]))
    }
    const found = findModel(data, provider, model)
    if (!found) return unknown
    const variants = Array.isArray(found.model.prices) ? found.model.prices.map((entry) => entry.prices) : [found.model.prices]
    if (!variants.some((variant) => METERED_PRICE_KEYS.some((key) => variant[key] !== undefined))) return unknown
    const at: [string, string] = [found.provider.id, found.model.id]
    return createPriceSchedule(found.model.prices, (entry) => price(provider, model, 'genai-prices', meterRatesFromModelPrice(entry), at))
  }

  return {
    resolve(provider, model, at) {
      const key = `${provider}\n${model}`
      let entry = cache.get(key)
      if (entry === undefined) {
        try {
          entry = load(provider, model)
        } catch (error) {
          // malformed price data must not break the call: the model counts as unknown
          diag.warn(`finops-ai: cannot read the price of ${provider}/${model}`, error)
          entry = unknown
        }
        cache.set(key, entry)
      }
      if (entry === unknown) return null
      if (entry.entries.length === 1) return priceAt(entry, 0)
      const ms = at === undefined ? Date.now() : at.getTime()
      return priceAt(entry, Number.isNaN(ms) ? Date.now() : ms)
    },
  }
}
