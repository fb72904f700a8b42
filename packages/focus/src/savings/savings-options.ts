import type { PriceBook } from '@finops-ai/core'

/** Output tokens below which (at the 95th percentile) a feature's calls count as short. */
export const DEFAULT_SHORT_OUTPUT_TOKENS = 300

/** Providers whose prompt caching needs no request change (`gen_ai.provider.name`). */
export const DEFAULT_AUTOMATIC_CACHE_PROVIDERS: readonly string[] = ['openai', 'azure.ai.openai']

/** Options of `savings()` and `createSavingsAnalysis()`. */
export interface SavingsOptions {
  /** ISO 4217 code of the amounts. Default `'USD'` (exact, from the records' nano-USD). */
  currency?: string
  /**
   * Units of `currency` per 1 USD. Needed unless `currency` is USD or the records were priced in
   * `currency` (then each record's own rate is used). Default: none.
   */
  rate?: number
  /** Only calls of this team (attribution `team`). Default: all teams. */
  team?: string
  /** Only calls of this feature (attribution `feature`). Default: all features. */
  feature?: string
  /** Only calls that started at or after this time. Default: no lower bound. */
  from?: Date
  /** Only calls that started before this time. Default: no upper bound. */
  to?: Date
  /**
   * Features that are not interactive, besides calls with the attribution `latency: 'batch'`.
   * Default `[]`.
   */
  batchFeatures?: readonly string[]
  /** Cheaper sibling per model id; entries win over `DEFAULT_MODEL_SIBLINGS`. Default `{}`. */
  siblings?: Readonly<Record<string, string>>
  /** Right-sizing considers features whose p95 output is below this many tokens. Default {@link DEFAULT_SHORT_OUTPUT_TOKENS}. */
  shortOutputTokens?: number
  /** Providers that cache prompts automatically. Default {@link DEFAULT_AUTOMATIC_CACHE_PROVIDERS}. */
  automaticCacheProviders?: readonly string[]
  /** Prices of the alternatives (batch tier, sibling model, cache reads). Default `createPriceBook()`. */
  priceBook?: PriceBook
}
