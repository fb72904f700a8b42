import { diag } from '@opentelemetry/api'
import { ConfigError } from '../errors/config-error.js'
import { createCurrency, type Currency } from '../money/currency.js'
import { createBookPrice, type BookPrice } from './book-price.js'
import { findModel } from './find-model.js'
import { METERED_PRICE_KEYS } from './meter-rates.js'
import { parsePriceOverrides, type PriceOverride } from './model-price-override.js'
import { correctPriceData, PRICE_CORRECTIONS, type PriceCorrection } from './price-corrections.js'
import { bundledPriceData, type PriceData } from './price-data.js'
import type { PriceBook, PriceSource } from './price-book-types.js'
import { createPriceSchedule, priceAt, type PriceSchedule } from './price-schedule.js'
import { compileServiceTiers, type ServiceTierOptions } from './service-tiers.js'

export type { BookPrice } from './book-price.js'

/** Options of {@link createPriceBook}. */
export interface PriceBookOptions {
  /**
   * User prices that win over the price data, keyed by model id or `provider:model`
   * (`gen_ai.provider.name`; the provider-specific key wins). Validated at creation. Default `{}`.
   */
  overrides?: Readonly<Record<string, PriceOverride>>
  /** Config path of `overrides` named in errors. Default `'prices'` (the `createFinOps` option). */
  overridesPath?: string
  /** Converts override prices given in another `currency` to USD. Default: USD only. */
  currency?: Currency
  /** Service-tier prices and multipliers; they win over `DEFAULT_SERVICE_TIER_PRICES`. Default `{}`. */
  serviceTiers?: ServiceTierOptions
  /**
   * Names the price data does not know → the model to price them as, e.g. an Azure deployment
   * `{ 'prod-gpt4o-eastus': 'gpt-4o' }` (case-insensitive). Overrides are looked up under the
   * requested name first. Default `{}`.
   */
  aliases?: Readonly<Record<string, string>>
  /**
   * How many resolved (provider, model) pairs to keep, unknown ones included; once that many are
   * kept, the cache starts over (each pair is looked up in the data again on its next use). Default 1000.
   */
  cacheSize?: number
  /** The price table. Default: the offline data bundled with `@pydantic/genai-prices`. */
  data?: PriceData
  /** Known gaps of the data patched over it. Default `PRICE_CORRECTIONS`. */
  corrections?: readonly PriceCorrection[]
}

const unknown = Symbol('unknown model')
type Entry = PriceSchedule<BookPrice> | typeof unknown

/**
 * Creates the price book: overrides, aliases and tier prices are validated now; each (provider,
 * model) is looked up in the (corrected) data on first use only (see `findModel`) and its whole
 * price schedule (dated and time-of-day prices, each converted to integer rates) is cached by
 * provider, then model (bounded by `cacheSize`). Later calls do two map lookups (no key string is
 * built) and, for models whose price changed over time, a comparison
 * of precomputed timestamps. The same object is returned for the same (provider, model, effective
 * price). Unknown models are cached too and resolve to `null`, as do models whose entry cannot be
 * read (logged once through OTel `diag`). A book never changes: give an engine new data and it
 * builds a new book, so no stale cached price survives.
 */
export function createPriceBook(options: PriceBookOptions = {}): PriceBook {
  const data = correctPriceData(options.data ?? bundledPriceData(), options.corrections ?? PRICE_CORRECTIONS)
  const tiers = compileServiceTiers(options.serviceTiers)
  const currency = options.currency ?? createCurrency()
  const overrides = parsePriceOverrides(options.overrides ?? {}, currency, options.overridesPath)
  const aliases = parseAliases(options.aliases ?? {})
  const cacheSize = options.cacheSize ?? 1000
  const cache = new Map<string, Map<string, Entry>>()
  let cached = 0

  function load(provider: string, model: string): Entry {
    const target = aliases.get(model.toLowerCase().trim())
    const providerKey = `${provider}:${model}`.toLowerCase().trim()
    const modelKey = model.toLowerCase().trim()
    const override =
      overrides.get(providerKey) ?? overrides.get(modelKey) ?? (target === undefined ? undefined : overrides.get(`${provider}:${target}`.toLowerCase()) ?? overrides.get(target))
    if (override) {
      const key = [providerKey, modelKey, `${provider}:${target}`.toLowerCase(), target].find((candidate) => candidate !== undefined && overrides.get(candidate) === override)!
      const subject = { provider, model, priceProvider: provider.toLowerCase(), priceModel: key }
      return createPriceSchedule(override.prices, (price) => createBookPrice({ subject, source: 'override', dataDate: undefined, price, ownTiers: override.tiers, tiers }))
    }
    const found = findModel(data, provider, target ?? model)
    if (!found) return unknown
    const variants = Array.isArray(found.model.prices) ? found.model.prices.map((entry) => entry.prices) : [found.model.prices]
    if (!variants.some((variant) => METERED_PRICE_KEYS.some((key) => variant[key] !== undefined))) return unknown
    const source: PriceSource = found.approximate ? 'genai-prices:approximate' : data.corrected(found.model) ? 'genai-prices:corrected' : 'genai-prices'
    const subject = { provider, model, priceProvider: found.provider.id, priceModel: found.model.id }
    return createPriceSchedule(found.model.prices, (price) => createBookPrice({ subject, source, dataDate: data.date, price, tiers }))
  }

  return {
    dataDate: data.date,
    resolve(provider, model, at) {
      let models = cache.get(provider)
      let entry = models?.get(model)
      if (entry === undefined) {
        try {
          entry = load(provider, model)
        } catch (error) {
          // malformed price data must not break the call: the model counts as unknown
          diag.warn(`finops-ai: cannot read the price of ${provider}/${model}`, error)
          entry = unknown
        }
        if (cached >= cacheSize) {
          cache.clear()
          cached = 0
          models = undefined
        }
        if (models === undefined) cache.set(provider, (models = new Map()))
        models.set(model, entry)
        cached += 1
      }
      if (entry === unknown) return null
      if (entry.entries.length === 1) return priceAt(entry, 0)
      const ms = at === undefined ? Date.now() : at.getTime()
      return priceAt(entry, Number.isNaN(ms) ? Date.now() : ms)
    },
  }
}

function parseAliases(aliases: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  const parsed = new Map<string, string>()
  for (const [name, model] of Object.entries(aliases)) {
    if (typeof model !== 'string' || model.trim() === '') {
      throw new ConfigError({ path: `models.aliases[${JSON.stringify(name)}]`, detail: `expected the model to price '${name}' as, such as 'gpt-4o', got ${String(model)}` })
    }
    parsed.set(name.toLowerCase().trim(), model.trim())
  }
  return parsed
}
