import { createPriceBook, type ResolvedPrice, type UsageRecord } from '@finops-ai/core'
import { automaticCaching } from './automatic-caching.js'
import { batchSavings } from './batch-savings.js'
import { cachedInputShare } from './cached-input-share.js'
import { denials } from './denials.js'
import { downgrades } from './downgrades.js'
import { DEFAULT_MODEL_SIBLINGS } from './model-siblings.js'
import { reasoningShare } from './reasoning-share.js'
import { reportCurrency } from './report-currency.js'
import { responseCache } from './response-cache.js'
import { rightSizing } from './right-sizing.js'
import type { SavingsCall } from './savings-call.js'
import { DEFAULT_AUTOMATIC_CACHE_PROVIDERS, DEFAULT_SHORT_OUTPUT_TOKENS, type SavingsOptions } from './savings-options.js'
import type { Savings } from './savings-types.js'
import { unreadCacheWrites } from './unread-cache-writes.js'

/** Feeds usage records to a savings analysis one at a time; memory grows with groups, cache writes and the outputs of right-sizing candidates. */
export interface SavingsAnalysis {
  /** Counts one record (records outside `team`, `feature`, `from`, `to` only register their team and feature). Throws when its cost cannot be converted to the currency. */
  add(record: UsageRecord): void
  result(): Savings
}

const none = '(none)'

/** Said when headroom cannot be measured from the ledger. */
const reservationNote =
  'Headroom: usage records do not hold what each call reserved (max_tokens or the estimate), so reservations far above actual output cannot be shown; ' +
  'compare max_tokens with the p95 output tokens per feature in your code, and see the denials per feature (Headroom: denied calls).'

/** A streaming {@link savings} analysis (what `finops-ai savings` and `report` use). */
export function createSavingsAnalysis(options: SavingsOptions = {}): SavingsAnalysis {
  const currency = reportCurrency(options.currency ?? 'USD', options.rate)
  const priceBook = options.priceBook ?? createPriceBook()
  const batch = batchSavings(options.batchFeatures ?? [])
  const sizing = rightSizing({ ...DEFAULT_MODEL_SIBLINGS, ...options.siblings }, options.shortOutputTokens ?? DEFAULT_SHORT_OUTPUT_TOKENS)
  const analyses = {
    cachedInput: cachedInputShare(),
    unreadCacheWrites: unreadCacheWrites(),
    automaticCaching: automaticCaching(options.automaticCacheProviders ?? DEFAULT_AUTOMATIC_CACHE_PROVIDERS),
    batch,
    rightSizing: sizing,
    downgrades: downgrades(),
    reasoning: reasoningShare(),
    denials: denials(),
  }
  const cache = responseCache(currency)
  const teams = new Set<string>()
  const features = new Set<string>()
  let calls = 0
  let spend = 0
  let unpriced = 0
  return {
    add(record) {
      const team = record.attribution.team ?? none
      const feature = record.attribution.feature ?? none
      teams.add(team)
      features.add(feature)
      const time = Date.parse(record.startTime)
      if ((options.team !== undefined && team !== options.team) || (options.feature !== undefined && feature !== options.feature)) return
      if ((options.from && time < options.from.getTime()) || (options.to && time >= options.to.getTime())) return
      const at = new Date(time)
      let missingPrice = false
      const priceOf = (model: string): ResolvedPrice | null => {
        const price = priceBook.resolve(record.provider, model, at)
        if (price === null && record.status !== 'denied') missingPrice = true
        return price
      }
      const cost = record.cost === null ? 0 : currency.convert(record, record.cost.usdNanos)
      const call: SavingsCall = {
        record,
        team,
        feature,
        spend: cost,
        price: record.status === 'denied' || record.cacheHit !== undefined ? null : priceOf(record.model),
        tier: record.serviceTier === undefined ? {} : { serviceTier: record.serviceTier },
        priceOf,
        convert: (usdNanos) => currency.convert(record, usdNanos),
      }
      calls++
      spend += cost
      cache.add(call)
      // A response-cache hit sent nothing to the provider: its replayed usage was not billed, so
      // only the cache and the call counts see it, never the analyses that reprice tokens.
      if (record.cacheHit === undefined) for (const analysis of Object.values(analyses)) analysis.add(call)
      else analyses.denials.add(call)
      if (missingPrice) unpriced++
    },
    result() {
      const toRecord: string[] = []
      if (!batch.marked) {
        toRecord.push("Batch: no call is marked non-interactive; set the attribution latency: 'batch' on features that can wait (or pass --batch-features) to see their batch saving.")
      }
      if (!sizing.toolsRecorded) {
        toRecord.push("Right-sizing: the ledger does not say whether a call offered function tools; set the attribution tools: 'yes' on calls that pass tools so right-sizing leaves them out (server-side tools are seen in the usage).")
      }
      toRecord.push(reservationNote)
      const advice = cache.advice()
      if (advice !== undefined) toRecord.push(advice)
      return {
        currency: currency.code,
        ...(options.team === undefined ? {} : { team: options.team }),
        ...(options.feature === undefined ? {} : { feature: options.feature }),
        calls,
        spend,
        cachedInput: analyses.cachedInput.result(),
        unreadCacheWrites: analyses.unreadCacheWrites.result(),
        automaticCaching: analyses.automaticCaching.result(),
        batch: batch.result(),
        rightSizing: sizing.result(),
        downgrades: analyses.downgrades.result(),
        responseCache: cache.result(),
        reasoning: analyses.reasoning.result(),
        denials: analyses.denials.result(),
        toRecord,
        unpriced,
        teams: [...teams].sort(),
        features: [...features].sort(),
      }
    },
  }
}

/**
 * Where the calls in `records` could cost less, per team, feature and model, in the report
 * currency: prompt caching (cached-input share, cache writes never read back, the upper bound of
 * automatic caching), batch/flex for non-interactive features, right-sizing to a cheaper sibling,
 * downgrades already made, what the response cache already saved, reasoning share and denials
 * (a response-cache hit is counted only there and in the denials' call counts: it billed nothing).
 * Each section states its assumption; the
 * alternatives are priced by `options.priceBook` (default: the bundled price data) at each call's
 * start time and service tier.
 *
 * @throws Error when a record's cost cannot be converted to `options.currency` (pass `rate`).
 */
export function savings(records: Iterable<UsageRecord>, options: SavingsOptions = {}): Savings {
  const analysis = createSavingsAnalysis(options)
  for (const record of records) analysis.add(record)
  return analysis.result()
}
