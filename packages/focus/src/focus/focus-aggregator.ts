import { createPriceBook, type PriceBook, type UsageRecord } from '@finops-ai/core'
import { formatScaled } from './exact-decimal.js'
import type { FocusRow } from './focus-columns.js'
import { meterQuantities } from './meter-quantities.js'
import { type FocusMeter, probeMeterRates } from './probe-meter-rates.js'
import { providerNames } from './provider-names.js'
import { chargePeriod, type Granularity } from './charge-period.js'

/** Options of {@link toFocusRows} and {@link createFocusAggregator}. */
export interface FocusRowsOptions {
  /** Length of a charge period (UTC). Default `'day'`. */
  granularity?: Granularity
  /**
   * Where unit prices come from. Use a book with the same `overrides` and `serviceTiers` as the
   * engine that wrote the records (`createPriceBook({ overrides })`), so rows reproduce the
   * recorded costs. Default: `createPriceBook()` (the bundled genai-prices data).
   */
  priceBook?: PriceBook
  /**
   * Attribution keys copied into `Tags` (and so into the row grouping). Default: every key except
   * `user` — end users are personal data and would make one row per user.
   */
  tagKeys?: readonly string[]
  /** `BillingAccountId` (and name) of a provider's rows. Default: the provider name, e.g. `openai`. */
  billingAccountId?: (provider: string) => string
}

/** What a conversion did with its records; nothing is dropped without being counted here. */
export interface FocusStats {
  /** Records added. */
  records: number
  /** Denied calls: no usage, no charge, no row. */
  denied: number
  /**
   * Calls the response cache answered (`cacheHit`): no request reached the provider, so no charge
   * and no row, whatever usage they replayed (their cost avoided is in `finops-ai report` and `savings`).
   */
  cacheHits: number
  /** Records left out because the price book knows no price for their model. */
  unpriced: number
  /** Records whose recomputed cost differs from `cost.usdNanos` (price book ≠ the engine's). */
  costMismatches: number
}

/** Streaming FOCUS conversion: add records one by one; memory grows with the number of rows only. */
export interface FocusAggregator {
  add(record: UsageRecord): void
  /** The rows so far, sorted by period, provider, model, meter and price. */
  rows(): FocusRow[]
  readonly stats: Readonly<FocusStats>
}

interface Group {
  periodStart: number
  provider: string
  model: string
  meter: FocusMeter
  rate: number
  serviceTier: string | undefined
  source: string
  tags: string | null
  unallocated: boolean
  quantity: number
  billedNanos: number
  calls: number
  estimated: number
  failed: number
  reasoningTokens: number
  audioTokens: number
}

const meterOrder: readonly FocusMeter[] = [
  'input', 'input-audio', 'input-image', 'cached-input', 'cached-input-image', 'cache-write', 'cache-write-1h', 'output', 'reasoning',
  'output-audio', 'output-image', 'audio-second', 'input-character', 'request', 'web-search', 'file-search', 'code-interpreter-session',
]
const skuMeters: Readonly<Record<FocusMeter, string>> = {
  input: 'Input Tokens',
  'input-audio': 'Input Audio Tokens',
  'input-image': 'Input Image Tokens',
  'cached-input': 'Cached Input Tokens',
  'cached-input-image': 'Cached Input Image Tokens',
  'cache-write': 'Cache Write Tokens',
  'cache-write-1h': 'Cache Write Tokens (1 Hour)',
  output: 'Output Tokens',
  reasoning: 'Reasoning Tokens',
  'output-audio': 'Output Audio Tokens',
  'output-image': 'Output Image Tokens',
  'audio-second': 'Audio Seconds',
  'input-character': 'Input Characters',
  request: 'Requests',
  'web-search': 'Web Searches',
  'file-search': 'File Searches',
  'code-interpreter-session': 'Code Interpreter Sessions',
}
/** FOCUS `ConsumedUnit` and `PricingUnit` of each meter; token and character prices are per million. */
const unitOf = (meter: FocusMeter): { consumed: string; pricing: string; perMillion: boolean } =>
  meter === 'audio-second'
    ? { consumed: 'Seconds', pricing: 'Seconds', perMillion: false }
    : meter === 'input-character'
      ? { consumed: 'Characters', pricing: '1000000 Characters', perMillion: true }
      : meter === 'request' || meter === 'web-search' || meter === 'file-search' || meter === 'code-interpreter-session'
        ? { consumed: 'Requests', pricing: 'Requests', perMillion: false }
        : { consumed: 'Tokens', pricing: '1000000 Tokens', perMillion: true }

/** `quantity × femtoRate / 1e6` nanos, rounded half-up once, as core's `meterNanos` does per call. */
function nanosOf(quantity: number, femtoRate: number): number {
  const femtos = quantity * femtoRate
  if (Number.isSafeInteger(femtos)) return Math.floor((femtos + 500_000) / 1_000_000)
  return Number((BigInt(quantity) * BigInt(femtoRate) + 500_000n) / 1_000_000n)
}

/** Creates a streaming converter of usage records to FOCUS 1.3 rows (see {@link toFocusRows}). */
export function createFocusAggregator(options: FocusRowsOptions = {}): FocusAggregator {
  const granularity = options.granularity ?? 'day'
  const prices = options.priceBook ?? createPriceBook()
  const tagKeys = options.tagKeys
  const accountOf = options.billingAccountId ?? ((provider: string) => provider)
  const groups = new Map<string, Group>()
  const stats: FocusStats = { records: 0, denied: 0, cacheHits: 0, unpriced: 0, costMismatches: 0 }

  function tagsOf(record: UsageRecord): string | null {
    const tags: Record<string, string> = {}
    for (const key of tagKeys ?? Object.keys(record.attribution).sort()) {
      const value = record.attribution[key]
      if (value !== undefined && (tagKeys !== undefined || key !== 'user')) tags[key] = value
    }
    return Object.keys(tags).length === 0 ? null : JSON.stringify(tags)
  }

  function add(record: UsageRecord): void {
    stats.records++
    if (record.status === 'denied') {
      stats.denied++
      return
    }
    if (record.cacheHit !== undefined) {
      stats.cacheHits++
      return
    }
    const at = new Date(record.startTime)
    const price = prices.resolve(record.provider, record.model, at)
    if (price === null) {
      stats.unpriced++
      return
    }
    const rates = probeMeterRates(price, record.usage.inputTokens, record.serviceTier)
    const periodStart = chargePeriod(at, granularity).start.getTime()
    const tags = tagsOf(record)
    let totalNanos = 0
    for (const part of meterQuantities(record.usage, rates)) {
      const rate = rates[part.meter]
      const key = [periodStart, record.provider, record.model, part.meter, rate, record.serviceTier ?? '', price.source, tags ?? '', record.unallocated].join('\u0000')
      let group = groups.get(key)
      if (group === undefined) {
        group = {
          periodStart, provider: record.provider, model: record.model, meter: part.meter, rate, serviceTier: record.serviceTier,
          source: price.source, tags, unallocated: record.unallocated, quantity: 0, billedNanos: 0, calls: 0, estimated: 0, failed: 0,
          reasoningTokens: 0, audioTokens: 0,
        }
        groups.set(key, group)
      }
      const nanos = nanosOf(part.quantity, rate)
      totalNanos += nanos
      group.quantity += part.quantity
      group.billedNanos += nanos
      group.calls++
      if (record.estimated) group.estimated++
      if (record.status === 'error') group.failed++
      group.reasoningTokens += part.reasoningTokens ?? 0
      group.audioTokens += part.audioTokens ?? 0
    }
    if (record.cost !== null && record.cost.usdNanos !== totalNanos) stats.costMismatches++
  }

  function toRow(group: Group): FocusRow {
    const names = providerNames(group.provider)
    const period = chargePeriod(new Date(group.periodStart), granularity)
    const billing = chargePeriod(period.start, 'month')
    const unit = unitOf(group.meter)
    const unitPrice = formatScaled(BigInt(group.rate), unit.perMillion ? 9 : 15)
    const listCost = formatScaled(BigInt(group.rate) * BigInt(group.quantity), 15)
    const billed = formatScaled(group.billedNanos, 9)
    const skuId = `${group.provider}/${group.model}/${group.meter}`
    const account = accountOf(group.provider)
    return {
      BilledCost: billed,
      BillingAccountId: account,
      BillingAccountName: account,
      BillingCurrency: 'USD',
      BillingPeriodEnd: isoSeconds(billing.end),
      BillingPeriodStart: isoSeconds(billing.start),
      ChargeCategory: 'Usage',
      ChargeClass: null,
      ChargeDescription: `${group.model} ${skuMeters[group.meter].toLowerCase()} on ${names.serviceName}`,
      ChargeFrequency: 'Usage-Based',
      ChargePeriodEnd: isoSeconds(period.end),
      ChargePeriodStart: isoSeconds(period.start),
      ConsumedQuantity: String(group.quantity),
      ConsumedUnit: unit.consumed,
      ContractedCost: listCost,
      ContractedUnitPrice: unitPrice,
      EffectiveCost: billed,
      HostProviderName: names.hostProvider,
      InvoiceId: null,
      InvoiceIssuerName: names.serviceProvider,
      ListCost: listCost,
      ListUnitPrice: unitPrice,
      PricingCategory: 'Standard',
      PricingQuantity: unit.perMillion ? formatScaled(group.quantity, 6) : String(group.quantity),
      PricingUnit: unit.pricing,
      ProviderName: names.serviceProvider,
      PublisherName: names.serviceProvider,
      RegionId: null,
      RegionName: null,
      ResourceId: null,
      ResourceName: null,
      ResourceType: null,
      ServiceCategory: 'AI and Machine Learning',
      ServiceName: names.serviceName,
      ServiceProviderName: names.serviceProvider,
      ServiceSubcategory: 'Generative AI',
      SkuId: skuId,
      SkuMeter: skuMeters[group.meter],
      SkuPriceDetails: null,
      SkuPriceId: `${skuId}@${unitPrice}${group.serviceTier === undefined ? '' : `/${group.serviceTier}`}`,
      SubAccountId: null,
      SubAccountName: null,
      Tags: group.tags,
      x_Provider: group.provider,
      x_Model: group.model,
      x_Meter: group.meter,
      x_ServiceTier: group.serviceTier ?? null,
      x_PriceSource: group.source,
      x_Unallocated: group.unallocated,
      x_CallCount: group.calls,
      x_EstimatedCallCount: group.estimated,
      x_FailedCallCount: group.failed,
      x_ReasoningTokens: group.meter === 'output' ? group.reasoningTokens : null,
      x_AudioTokens: group.meter === 'input' || group.meter === 'output' ? group.audioTokens : null,
    }
  }

  function rows(): FocusRow[] {
    const sorted = [...groups.values()].sort(
      (a, b) =>
        a.periodStart - b.periodStart ||
        a.provider.localeCompare(b.provider) ||
        a.model.localeCompare(b.model) ||
        meterOrder.indexOf(a.meter) - meterOrder.indexOf(b.meter) ||
        a.rate - b.rate ||
        (a.serviceTier ?? '').localeCompare(b.serviceTier ?? '') ||
        (a.tags ?? '').localeCompare(b.tags ?? '') ||
        Number(a.unallocated) - Number(b.unallocated),
    )
    return sorted.map(toRow)
  }

  return { add, rows, stats }
}

/** `2026-11-28T00:00:00Z`: FOCUS date/time format (UTC, seconds, no fraction). */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

/**
 * Converts usage records to FOCUS 1.3 rows: one row per charge period × provider × model × meter
 * × unit price × tags, with `ListCost = ListUnitPrice × PricingQuantity` exactly (see the README's
 * mapping table). For a stream of records use {@link createFocusAggregator}.
 */
export function toFocusRows(records: Iterable<UsageRecord>, options: FocusRowsOptions = {}): FocusRow[] {
  const aggregator = createFocusAggregator(options)
  for (const record of records) aggregator.add(record)
  return aggregator.rows()
}
