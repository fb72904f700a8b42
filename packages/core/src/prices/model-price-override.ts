import type { ConditionalPrice, ModelInfo, ModelPrice } from '@pydantic/genai-prices'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { Currency } from '../money/currency.js'
import { modelPriceOf, PRICE_FIELD_KEYS, type ModelPriceFields } from './model-price-fields.js'
import type { ServiceTierPrice } from './service-tier-prices.js'
import { compileTierPrice, type CompiledTierPrice } from './service-tiers.js'

/**
 * A user's price for a model (negotiated, on-prem, or missing from the price data): everything the
 * bundled table can express — long-context tiers, cache reads and writes by TTL, image and audio
 * meters, per-character, per-minute and tool fees, service-tier prices — in `currency`. Give an
 * array of them with `from` dates for prices that change over time.
 *
 * @example
 * prices: {
 *   'my-gpt-4o': { input: 2.5, cacheRead: 1.25, output: 10, serviceTiers: { priority: { input: 4.25, output: 17 } } },
 *   'claude-sonnet-4-0': { input: { base: 3, tiers: [{ start: 200_000, price: 6 }] }, output: { base: 15, tiers: [{ start: 200_000, price: 22.5 }] } },
 *   'on-prem-llm': [{ input: 1, output: 2 }, { from: '2027-01-01', input: 0.5, output: 1 }],
 * }
 */
export interface ModelPriceOverride extends ModelPriceFields {
  /** ISO 4217 code the prices are in; its rate must be in `exchangeRates`. Default `'USD'`. */
  currency?: string
  /** In an array of dated prices: the UTC date (`YYYY-MM-DD`) this price starts. Entries without `from` apply before every dated one. */
  from?: string
  /** Prices per service tier: a multiplier of this price, or explicit prices for the meters given. Win over `serviceTiers` of the engine. */
  serviceTiers?: Readonly<Record<string, ServiceTierPrice>>
}

/** One override: a price, or dated prices (the latest `from` not after the call's date applies). */
export type PriceOverride = ModelPriceOverride | readonly ModelPriceOverride[]

/** A validated override in the price data's own shape (USD), plus its tier prices by lower-case tier name. */
export interface ParsedOverride {
  readonly prices: ModelInfo['prices']
  readonly tiers: ReadonlyMap<string, CompiledTierPrice>
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/**
 * Validates every override once and converts it to genai-prices price entries in USD. Keys are a
 * model id or `provider:model` with a `gen_ai.provider.name` (e.g. `azure.ai.openai:gpt-4o`); they
 * are matched case-insensitively. All problems are reported together in one {@link ConfigError},
 * each at `<path>["<key>"].<field>` (`<path>["<key>"][<index>].<field>` in dated arrays; `path`
 * defaults to `prices`, the `createFinOps` option name).
 */
export function parsePriceOverrides(overrides: Readonly<Record<string, PriceOverride>>, converter: Currency, path = 'prices'): ReadonlyMap<string, ParsedOverride> {
  const issues: ConfigIssue[] = []
  const parsed = new Map<string, ParsedOverride>()
  for (const [key, override] of Object.entries(overrides)) {
    const entry = parseOverride(override, converter, `${path}[${JSON.stringify(key)}]`, issues)
    if (entry !== undefined) parsed.set(key.toLowerCase().trim(), entry)
  }
  if (issues.length > 0) throw new ConfigError(issues)
  return parsed
}

/** Validates one override; its problems are appended to `issues` at `path` and `undefined` is returned. */
export function parseOverride(override: PriceOverride, converter: Currency, path: string, issues: ConfigIssue[]): ParsedOverride | undefined {
  const before = issues.length
  const entries = Array.isArray(override) ? override : [override as ModelPriceOverride]
  if (entries.length === 0) issues.push({ path, detail: 'expected at least one price such as { input: 2.5, output: 10 }' })
  const tiers = new Map<string, CompiledTierPrice>()
  const prices: ConditionalPrice[] = entries.map((entry, index) => {
    const price = parseEntry(entry, converter, Array.isArray(override) ? `${path}[${index}]` : path, issues, tiers)
    if (entry?.from === undefined) return { prices: price }
    return { constraint: { type: 'start_date', start_date: entry.from }, prices: price }
  })
  if (issues.length > before) return undefined
  const start = (price: ConditionalPrice) => (price.constraint?.type === 'start_date' ? price.constraint.start_date : '')
  prices.sort((a, b) => start(a).localeCompare(start(b)))
  return { prices: prices.length === 1 && prices[0]!.constraint === undefined ? prices[0]!.prices : prices, tiers }
}

function parseEntry(entry: ModelPriceOverride, converter: Currency, path: string, issues: ConfigIssue[], tiers: Map<string, CompiledTierPrice>): ModelPrice {
  if (typeof entry !== 'object' || entry === null) {
    issues.push({ path, detail: 'expected an object such as { input: 2.5, output: 10 }' })
    return {}
  }
  let rate = 1
  try {
    rate = converter.rate(entry.currency ?? 'USD', `${path}.currency`)
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error
    issues.push(...error.issues)
  }
  if (!Object.keys(PRICE_FIELD_KEYS).some((field) => entry[field as keyof ModelPriceFields] !== undefined)) {
    issues.push({ path, detail: 'no price given: set at least input and output, per 1M tokens' })
  }
  if (entry.from !== undefined && (typeof entry.from !== 'string' || !isoDate.test(entry.from) || Number.isNaN(Date.parse(entry.from)))) {
    issues.push({ path: `${path}.from`, detail: `expected a date such as 2027-01-01, got ${String(entry.from)}` })
  }
  for (const [tier, price] of Object.entries(entry.serviceTiers ?? {})) {
    const compiled = compileTierPrice(price, `${path}.serviceTiers.${tier}`, issues, rate)
    if (compiled) tiers.set(tier.toLowerCase().trim(), compiled)
  }
  return modelPriceOf(entry, rate, path, issues)
}
