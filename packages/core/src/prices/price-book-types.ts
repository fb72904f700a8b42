import type { NormalizedUsage } from '../usage/normalized-usage.js'

/**
 * The cost of one call in integer nano-USD (1 USD = 1e9), split by meter. Integers, so sums are
 * exact; converted to a decimal in the engine currency only at the edge.
 */
export interface CostBreakdown {
  /** Sum of all parts. */
  totalNanos: number
  /** Uncached input tokens (incl. input audio). */
  inputNanos: number
  /** Cache reads. */
  cacheReadNanos: number
  /** Cache writes (both TTLs). */
  cacheWriteNanos: number
  /** Output tokens (incl. reasoning and output audio). */
  outputNanos: number
  /** Per-request fees (e.g. web search requests). */
  requestNanos: number
}

/** Where a price came from: the bundled `@pydantic/genai-prices` data or a user override. */
export type PriceSource = 'genai-prices' | 'override'

/** The price of one (provider, model), resolved once and cached. */
export interface ResolvedPrice {
  readonly provider: string
  readonly model: string
  readonly source: PriceSource
  /** Cost of `usage`; `serviceTier` applies the tier's multiplier (batch, flex, priority). */
  cost(usage: NormalizedUsage, options?: { serviceTier?: string }): CostBreakdown
}

/** Resolves and caches prices. */
export interface PriceBook {
  /**
   * The price of `model` at `provider` (a `gen_ai.provider.name`) effective at `at` (default: now),
   * or `null` when neither an override nor the bundled data knows it.
   */
  resolve(provider: string, model: string, at?: Date): ResolvedPrice | null
}
