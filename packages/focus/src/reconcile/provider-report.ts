/** A provider whose organisation usage and cost reports `reconcile` reads. */
export type ReconcileProvider = 'openai' | 'anthropic'

/** Requests, tokens and cost of one side of a group. Cost in integer nano-USD. */
export interface UsageAmounts {
  requests: number
  /** All input tokens, cached reads and cache writes included. */
  inputTokens: number
  outputTokens: number
  costNanos: number
}

/**
 * One line of a provider's report, or one ledger record, on the keys both sides share: UTC day,
 * model (see `modelKey`), project (OpenAI project / Anthropic workspace), API key and service tier
 * (`null` where unknown).
 */
export interface UsageRow extends UsageAmounts {
  /** `YYYY-MM-DD` (UTC). */
  day: string
  model: string
  project: string | null
  apiKey: string | null
  serviceTier: string | null
}

/** What a provider reported for a range of whole UTC days. */
export interface ProviderReport {
  provider: ReconcileProvider
  rows: UsageRow[]
  /**
   * How far the report is complete: Anthropic's `data_refreshed_at`; for OpenAI, which does not say,
   * the time the report was fetched. A daily bucket ending after it is partial.
   */
  completeThrough: Date
}

/** Options of the provider report readers. */
export interface ReadReportOptions {
  /** First UTC day (00:00:00Z), inclusive. */
  from: Date
  /** End (00:00:00Z), exclusive. */
  to: Date
  /**
   * The organisation admin key. Default: env `OPENAI_ADMIN_KEY` (OpenAI, the SDK's own variable) or
   * `ANTHROPIC_ADMIN_KEY` (Anthropic). Only ever handed to the SDK: never printed, stored or put in
   * an error message.
   */
  adminKey?: string
  /** API base URL. Default: the SDK's (env `OPENAI_BASE_URL` / `ANTHROPIC_BASE_URL`, else the public API). */
  baseURL?: string
  /**
   * Retries per request on 408/409/429/5xx and connection errors, done by the SDK with its
   * exponential backoff, waiting what `retry-after`/`retry-after-ms` ask (up to 60 s). Default 5.
   */
  maxRetries?: number
  /** The current time, for which buckets are final. Default `new Date()`. */
  now?: Date
}

/** Default of {@link ReadReportOptions.maxRetries}. */
export const DEFAULT_REPORT_RETRIES = 5
