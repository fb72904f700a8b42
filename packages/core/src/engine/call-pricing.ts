import { LRUCache } from 'lru-cache'
import { diag } from '@opentelemetry/api'
import type { Attribution } from '../attribution/attribution.js'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { Currency } from '../money/currency.js'
import { createBookPrice, type BookPrice } from '../prices/book-price.js'
import { parseOverride } from '../prices/model-price-override.js'
import type { PriceBook, ResolvedPrice } from '../prices/price-book-types.js'
import { compileServiceTiers, type ServiceTierOptions } from '../prices/service-tiers.js'
import type { FinOpsEvent } from './finops-event.js'
import type { UnknownPriceOption } from './finops-options.js'

/** What {@link CallPricing} needs of its engine. */
export interface CallPricingOptions {
  prices: PriceBook
  /** `createFinOps({ unknownPrice })`. Default `'block-budgeted'`. */
  unknownPrice: UnknownPriceOption | undefined
  serviceTiers: ServiceTierOptions | undefined
  currency: Currency
  /** Keys of the call's matching policies that limit cost (a hard budget or a cost-velocity breaker). */
  costLimitedPolicies(attribution: Attribution): readonly string[]
  emit(event: FinOpsEvent): void
  clock: () => number
}

/** How many reported (kind, provider, model) the engine remembers; the least recently seen is forgotten first. */
const maxRemembered = 1000
const staleAfterDays = 90
const msPerDay = 86_400_000
const warnedDates = Symbol.for('@finops-ai/core/stale-price-data-warnings')

/**
 * Resolves the price of each call for the engine and makes every approximation loud: one
 * `unknown_price` event (and one `diag` warning) per unknown (provider, model), one
 * `approximate_price` event per model priced as a sibling (memory is bounded: the last 1,000
 * models reported are remembered, so a model not seen for 1,000 other new ones is reported again), the `unknownPrice` policy applied to
 * calls that count against a cost limit, and one warning per process when the price data is
 * older than 90 days.
 */
export class CallPricing {
  private readonly reported = new LRUCache<string, true>({ max: maxRemembered })
  private readonly fallbacks = new Map<string, BookPrice>()
  private readonly fallback: ((provider: string, model: string) => BookPrice) | undefined

  constructor(private readonly options: CallPricingOptions) {
    this.fallback = fallbackPrice(options)
    warnIfStale(options.prices.dataDate, options.clock())
  }

  /**
   * The price of `model` at `provider` now (the fallback price when it is unknown and one is
   * configured), emitting the one-time events; `null` when unknown.
   */
  priceOf(provider: string, model: string): ResolvedPrice | null {
    const clock = this.options.clock
    // The book reads `at` only for models with dated prices and defaults it to now: no `Date` per call with the default clock.
    const price = this.options.prices.resolve(provider, model, clock === Date.now ? undefined : new Date(clock()))
    if (price !== null) {
      if (price.source === 'genai-prices:approximate') this.once('approximate', provider, model, () => this.approximated(price as BookPrice))
      return price
    }
    this.once('unknown', provider, model, () => {
      const action = this.fallback !== undefined ? `charged at unknownPrice.fallback` : this.options.unknownPrice === 'allow' ? 'counted at 0' : this.options.unknownPrice === 'block' ? 'rejected' : 'rejected when they count against a cost limit, else counted at 0'
      diag.warn(`finops-ai: no price known for ${provider} model '${model}': its calls are ${action}; add prices["${model}"] or models.aliases`)
      this.options.emit({ type: 'unknown_price', policy: '', key: '', at: new Date(clock()), provider, model })
    })
    if (this.fallback === undefined) return null
    const key = `${provider}\u0000${model}`
    let fallback = this.fallbacks.get(key)
    if (fallback === undefined) {
      fallback = this.fallback(provider, model)
      if (this.fallbacks.size < maxRemembered) this.fallbacks.set(key, fallback)
    }
    return fallback
  }

  /**
   * The price of a finished call whose requested name was unknown (`price` is `null` or the
   * fallback): the price of the model its response reports (`responseModel`, e.g. Azure's
   * `gpt-4o-2024-08-06` behind a deployment name) when that one is known, else `price`.
   */
  byResponseModel(price: ResolvedPrice | null, provider: string, responseModel: string | undefined): ResolvedPrice | null {
    if ((price !== null && price.source !== 'fallback') || responseModel === undefined || responseModel === price?.model) return price
    const clock = this.options.clock
    const served = this.options.prices.resolve(provider, responseModel, clock === Date.now ? undefined : new Date(clock()))
    if (served === null) return price
    if (served.source === 'genai-prices:approximate') this.once('approximate', provider, responseModel, () => this.approximated(served as BookPrice))
    return served
  }

  /**
   * The error that denies an unpriced call under `unknownPrice` (`'block'`: every one;
   * `'block-budgeted'`, the default: those counting against a hard budget or a cost breaker), or
   * `undefined` when it may be sent.
   */
  denial(provider: string, model: string, attribution: Attribution): ConfigError | undefined {
    const policy = this.options.unknownPrice ?? 'block-budgeted'
    if (policy === 'allow' || typeof policy !== 'string') return undefined
    const detail = `no price known for ${provider} model '${model}'; add a price override (prices), an alias (models.aliases) or a fallback price (unknownPrice: { fallback })`
    if (policy === 'block') return new ConfigError({ path: `prices[${JSON.stringify(model)}]`, detail: `${detail}; unknownPrice is 'block'` })
    const limited = this.options.costLimitedPolicies(attribution)
    if (limited.length === 0) return undefined
    return new ConfigError({
      path: `prices[${JSON.stringify(model)}]`,
      detail: `${detail}, or set unknownPrice: 'allow' to send such calls at cost 0; the call falls under the cost limit of policy '${limited[0]}', so it is rejected instead of passing unpriced`,
    })
  }

  private approximated(price: BookPrice): void {
    diag.warn(`finops-ai: ${price.provider} model '${price.model}' is not in the price data; priced as ${price.priceProvider}/${price.priceModel} (finops.price.source=genai-prices:approximate)`)
    this.options.emit({
      type: 'approximate_price',
      policy: '',
      key: '',
      at: new Date(this.options.clock()),
      provider: price.provider,
      model: price.model,
      pricedAs: `${price.priceProvider}/${price.priceModel}`,
    })
  }

  private once(kind: string, provider: string, model: string, report: () => void): void {
    const id = `${kind}\u0000${provider}\u0000${model}`
    if (this.reported.get(id) === true) return
    this.reported.set(id, true)
    report()
  }
}

const unknownPriceValues = ['allow', 'block', 'block-budgeted']
const unknownPriceHint = "expected 'allow', 'block', 'block-budgeted' or { fallback: { input, output } }"

/** Validates `unknownPrice` (a `ConfigError` at `unknownPrice…`) and builds its fallback price per model, if it has one. */
function fallbackPrice(options: CallPricingOptions): ((provider: string, model: string) => BookPrice) | undefined {
  const unknownPrice = options.unknownPrice
  if (unknownPrice === undefined) return undefined
  if (typeof unknownPrice === 'string') {
    if (unknownPriceValues.includes(unknownPrice)) return undefined
    throw new ConfigError({ path: 'unknownPrice', detail: `${unknownPriceHint}, got '${unknownPrice}'` })
  }
  if (typeof unknownPrice !== 'object' || unknownPrice === null || typeof unknownPrice.fallback !== 'object') {
    throw new ConfigError({ path: 'unknownPrice', detail: unknownPriceHint })
  }
  const issues: ConfigIssue[] = []
  if (Array.isArray(unknownPrice.fallback)) issues.push({ path: 'unknownPrice.fallback', detail: 'expected one price, not dated prices' })
  const parsed = parseOverride(unknownPrice.fallback, options.currency, 'unknownPrice.fallback', issues)
  if (parsed === undefined || issues.length > 0) throw new ConfigError(issues)
  const tiers = compileServiceTiers(options.serviceTiers)
  const price = parsed.prices as Exclude<typeof parsed.prices, unknown[]>
  return (provider, model) =>
    createBookPrice({
      subject: { provider, model, priceProvider: provider.toLowerCase(), priceModel: 'unknownPrice.fallback' },
      source: 'fallback',
      dataDate: undefined,
      price,
      ownTiers: parsed.tiers,
      tiers,
    })
}

/** Warns through `diag` once per process and data date when the price data is older than 90 days at `nowMs`. */
function warnIfStale(dataDate: string, nowMs: number): void {
  const ageDays = Math.floor((nowMs - Date.parse(`${dataDate}T00:00:00Z`)) / msPerDay)
  if (!(ageDays > staleAfterDays)) return
  const global = globalThis as { [warnedDates]?: Set<string> }
  const warned = (global[warnedDates] ??= new Set())
  if (warned.has(dataDate)) return
  warned.add(dataDate)
  diag.warn(
    `finops-ai: the price data is from ${dataDate} (${ageDays} days old); prices changed since may be wrong. Upgrade @finops-ai/core or pass newer genai-prices data: createFinOps({ priceData: { providers, date } }) (see docs/prices.md)`,
  )
}
