import type { NormalizedUsage } from '../usage/normalized-usage.js'

/**
 * The cost of one call in integer nano-USD (1 USD = 1e9), split by meter. Integers, so sums are
 * exact; converted to a decimal in the engine currency only at the edge.
 */
export interface CostBreakdown {
  /** Sum of all parts. */
  totalNanos: number
  /** Uncached input: text, audio and image tokens, plus audio billed per second and characters billed per character. */
  inputNanos: number
  /** Cache reads (text and image). */
  cacheReadNanos: number
  /** Cache writes (both TTLs). */
  cacheWriteNanos: number
  /** Output tokens (incl. reasoning, output audio and output image tokens). */
  outputNanos: number
  /** Per-call fees and tool fees: web searches, file searches, code-interpreter sessions. */
  requestNanos: number
}

/**
 * Where a price came from:
 * - `'genai-prices'`: the price data (bundled `@pydantic/genai-prices`, or `priceData` given to the engine);
 * - `'genai-prices:corrected'`: that data with an entry of the correction layer applied (see `PRICE_CORRECTIONS`);
 * - `'genai-prices:approximate'`: a newer or unlisted sibling priced by a prefix rule of the data
 *   (e.g. `claude-sonnet-5-5` at the Sonnet 5 price) — an `approximate_price` event names the model used;
 * - `'override'`: a `prices` override; `'fallback'`: the `unknownPrice.fallback` price of an unknown model.
 */
export type PriceSource = 'genai-prices' | 'genai-prices:corrected' | 'genai-prices:approximate' | 'override' | 'fallback'

/** Price meters, by name: the keys of {@link UnitRates}. */
export type PriceMeter =
  | 'input'
  | 'inputAudio'
  | 'inputImage'
  | 'cacheRead'
  | 'cacheReadImage'
  | 'cacheWrite'
  | 'cacheWrite1h'
  | 'output'
  | 'reasoning'
  | 'outputAudio'
  | 'outputImage'
  | 'audioSecond'
  | 'inputCharacter'
  | 'request'
  | 'webSearch'
  | 'fileSearch'
  | 'codeInterpreterSession'

/**
 * Effective unit rates of a price for one call, in integer femto-USD (1e-15 USD) per token, second,
 * character, call or tool call — long-context tier and service tier applied. Exact: prices are
 * integer pico-USD per unit and tier multipliers integer thousandths.
 */
export type UnitRates = Readonly<Record<PriceMeter, number>>

/** What selects the price of one call, besides its usage. */
export interface PriceOptions {
  /**
   * The tier the response reported, else the requested one: an explicit published price or a
   * multiplier for this provider and model (see `DEFAULT_SERVICE_TIER_PRICES`).
   */
  serviceTier?: string
  /**
   * Where inference ran, as the response reports it (Anthropic's `usage.inference_geo`): a surcharge
   * on the token meters (see `DEFAULT_INFERENCE_GEO_PRICES`, e.g. `"us"` ×1.1 on Anthropic).
   */
  inferenceGeo?: string
}

/** The price of one (provider, model), resolved once and cached. */
export interface ResolvedPrice {
  readonly provider: string
  readonly model: string
  readonly source: PriceSource
  /**
   * Date (`YYYY-MM-DD`) of the price data that priced the call, so a report can say which data it
   * was; `undefined` for overrides and fallback prices.
   */
  readonly dataDate?: string
  /** Cost of `usage` at the service tier and inference geography of `options` (see {@link PriceOptions}). */
  cost(usage: NormalizedUsage, options?: PriceOptions): CostBreakdown
  /** The unit rates {@link ResolvedPrice.cost} charges a call with `inputTokens` total input tokens at `options`. */
  unitRates(inputTokens: number, options?: PriceOptions): UnitRates
}

/** Resolves and caches prices. */
export interface PriceBook {
  /** Date (`YYYY-MM-DD`) of the price data this book reads. */
  readonly dataDate: string
  /**
   * The price of `model` at `provider` (a `gen_ai.provider.name`) effective at `at` (default: now),
   * or `null` when neither an override, an alias nor the price data knows it.
   */
  resolve(provider: string, model: string, at?: Date): ResolvedPrice | null
}
