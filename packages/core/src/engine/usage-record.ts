import type { Attribution } from '../attribution/attribution.js'
import type { OperationName } from '../call/call-request.js'
import type { PriceSource } from '../prices/price-book-types.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'

/** Cost of one call in the engine currency, split by meter (decimals, rounded to 1e-9). */
export interface UsageRecordCost {
  amount: number
  input: number
  cacheRead: number
  cacheWrite: number
  output: number
  request: number
  currency: string
  /** The exact total in integer nano-USD, for lossless aggregation. */
  usdNanos: number
  source: PriceSource
  /** Date (`YYYY-MM-DD`) of the price data that priced the call; absent for overrides and fallback prices. */
  priceDataDate?: string
}

/**
 * One record per call, delivered to `onUsage` sinks: metadata only, never prompt or completion
 * content. Denied calls produce a record too (`status: 'denied'`, zero usage).
 */
export interface UsageRecord {
  /** Unique id of the call. */
  id: string
  /** When the call started (ISO 8601, UTC). */
  startTime: string
  /** Wall time until the call settled, in milliseconds. */
  durationMs: number
  provider: string
  operation: OperationName
  /** The requested model. */
  model: string
  /** The model that served the call, when the response said. */
  responseModel?: string
  /** The requested model when a soft limit downgraded it to `model`. */
  downgradedFrom?: string
  serviceTier?: string
  stream: boolean
  /** The call's merged attribution. */
  attribution: Attribution
  /** True when required attribution was missing. */
  unallocated: boolean
  usage: NormalizedUsage
  /** True when usage was estimated (e.g. a stream cut before its usage arrived). */
  estimated: boolean
  /** `null` when the model's price is unknown. */
  cost: UsageRecordCost | null
  /** Keys of the policies the call counted against. */
  policyKeys: string[]
  status: 'ok' | 'error' | 'denied'
  /** `error.type` of a failed or denied call. */
  errorType?: string
  /**
   * Set when the response cache answered the call: no request reached the provider, `cost` is
   * zero, and `costAvoided` is what the replayed usage would have cost (`null` when the model's
   * price is unknown).
   */
  cacheHit?: { costAvoided: UsageRecordCost | null }
}

/** Receives usage records; may be async (its promise is awaited by `finops.flush()`). */
export type UsageSink = (record: UsageRecord) => void | Promise<void>
