import type { ModelPrice } from '@pydantic/genai-prices'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import { modelPriceOf } from './model-price-fields.js'
import { DEFAULT_SERVICE_TIER_PRICES, type ServiceTierPrice } from './service-tier-prices.js'

/**
 * `createFinOps({ serviceTiers })`: per tier name, either one multiplier for every provider and
 * model (the form of earlier versions, e.g. `{ priority: 1.75 }`) or prices by key as in
 * `ServiceTierPrices`, e.g. `{ priority: { 'openai:gpt-4o': { input: 4.25, cacheRead: 2.125, output: 17 }, 'anthropic:*': 1 } }`.
 */
export type ServiceTierOptions = Readonly<Record<string, number | Readonly<Record<string, ServiceTierPrice>>>>

/** A compiled tier price: a multiplier in thousandths, or genai-prices keys (USD) that replace the standard ones. */
export type CompiledTierPrice = { readonly milli: number } | { readonly patch: ModelPrice }

/** Who a price is for, in every spelling a tier key may use. */
export interface TierSubject {
  /** `gen_ai.provider.name` of the call. */
  provider: string
  /** The model as requested (or as aliased). */
  model: string
  /** genai-prices provider id whose table priced it. */
  priceProvider: string
  /** genai-prices model id that priced it. */
  priceModel: string
}

/** Finds a tier's price for a model: user prices first, then {@link DEFAULT_SERVICE_TIER_PRICES}. */
export interface ServiceTierTable {
  /** The price of `tier` (any case) for `subject`, or `undefined` when the tier is unknown (standard price). */
  lookup(tier: string, subject: TierSubject): CompiledTierPrice | undefined
}

/**
 * Validates `options` once (problems at `serviceTiers.<tier>` / `serviceTiers.<tier>["<key>"].<field>`,
 * all reported in one {@link ConfigError}) and builds the lookup. The most specific key wins:
 * `provider:model` > `model` > `provider:*` > `*`, and any user key wins over every default.
 * `defaultPrices` (default {@link DEFAULT_SERVICE_TIER_PRICES}) is the table looked up after the
 * user's; the same lookup serves other tables keyed alike (`DEFAULT_INFERENCE_GEO_PRICES`).
 */
export function compileServiceTiers(options: ServiceTierOptions = {}, defaultPrices: ServiceTierOptions = DEFAULT_SERVICE_TIER_PRICES): ServiceTierTable {
  const issues: ConfigIssue[] = []
  const user = compile(options, 'serviceTiers', issues)
  if (issues.length > 0) throw new ConfigError(issues)
  const defaults = compile(defaultPrices, 'serviceTiers', issues)
  return {
    lookup(tier, subject) {
      const name = tier.toLowerCase().trim()
      return find(user.get(name), subject) ?? find(defaults.get(name), subject)
    },
  }
}

function compile(options: ServiceTierOptions, path: string, issues: ConfigIssue[]): Map<string, Map<string, CompiledTierPrice>> {
  const tiers = new Map<string, Map<string, CompiledTierPrice>>()
  if (typeof options !== 'object' || options === null) {
    issues.push({ path, detail: 'expected an object of service tiers such as { priority: { "openai:gpt-4o": { input: 4.25, output: 17 } } }' })
    return tiers
  }
  for (const [tier, value] of Object.entries(options)) {
    const prices = new Map<string, CompiledTierPrice>()
    tiers.set(tier.toLowerCase().trim(), prices)
    if (typeof value === 'number') {
      const price = compileTierPrice(value, `${path}.${tier}`, issues)
      if (price) prices.set('*', price)
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, price] of Object.entries(value)) {
        const compiled = compileTierPrice(price, `${path}.${tier}[${JSON.stringify(key)}]`, issues)
        if (compiled) prices.set(key.toLowerCase().trim(), compiled)
      }
    } else {
      issues.push({ path: `${path}.${tier}`, detail: `expected a multiplier such as 0.5 or prices by model, got ${String(value)}` })
    }
  }
  return tiers
}

/** Validates one tier price (a multiplier, or explicit prices in a currency worth `usdPerUnit` per USD); problems are appended to `issues` at `path`. */
export function compileTierPrice(price: ServiceTierPrice, path: string, issues: ConfigIssue[], usdPerUnit = 1): CompiledTierPrice | undefined {
  if (typeof price === 'number') {
    if (Number.isFinite(price) && price >= 0) return { milli: Math.round(price * 1000) }
    issues.push({ path, detail: `expected a multiplier ≥ 0 such as 0.5 or 2, got ${String(price)}` })
    return undefined
  }
  if (typeof price !== 'object' || price === null) {
    issues.push({ path, detail: `expected a multiplier or prices such as { input: 4.25, output: 17 }, got ${String(price)}` })
    return undefined
  }
  const before = issues.length
  const patch = modelPriceOf(price, usdPerUnit, path, issues)
  return issues.length > before ? undefined : { patch }
}

function find(prices: ReadonlyMap<string, CompiledTierPrice> | undefined, subject: TierSubject): CompiledTierPrice | undefined {
  if (prices === undefined) return undefined
  const provider = subject.provider.toLowerCase()
  const model = subject.model.toLowerCase()
  return (
    prices.get(`${provider}:${model}`) ??
    prices.get(`${subject.priceProvider}:${subject.priceModel}`) ??
    prices.get(model) ??
    prices.get(subject.priceModel) ??
    prices.get(`${provider}:*`) ??
    prices.get(`${subject.priceProvider}:*`) ??
    prices.get('*')
  )
}
