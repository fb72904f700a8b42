import type { Context } from '@opentelemetry/api'
import type { Attribution } from '../attribution/attribution.js'
import type { CallRequest } from '../call/call-request.js'
import type { CallResult } from '../call/call-result.js'
import type { CallSite } from '../engine/call-site.js'
import type { LimitDenial } from '../errors/limit-exceeded-error.js'
import type { PriceSource } from '../prices/price-book-types.js'

/** Cost of a call as decimals in the engine currency, for span attributes and metrics. */
export interface CostAmounts {
  amount: number
  input: number
  output: number
  currency: string
  source: PriceSource
  /** Date (`YYYY-MM-DD`) of the price data that priced the call (`finops.price.data_date`). */
  dataDate?: string
}

/** The resolved attribution of a call. */
export interface CallAttribution {
  /** Merged values (call-site scope > client default > engine default). */
  values: Attribution
  /** Required keys that were missing (empty when complete or nothing is required). */
  missing: readonly string[]
}

/** What the engine knows when a call ends successfully. */
export interface InferenceOutcome {
  result: CallResult
  /** `null` when the model's price is unknown. */
  cost: CostAmounts | null
  policyKeys: string[]
  /** Smallest remaining hard budget after settlement, in the engine currency. */
  budgetRemaining?: number
  storeDegraded?: boolean
  /**
   * True when the response cache answered the call: `cost` is zero, the usage is the replayed one
   * (recorded as `finops.usage.*`, never as provider `gen_ai.usage.*` tokens or token metrics).
   */
  cacheHit?: boolean
  /** On a cache hit: what the replayed usage would have cost, in the engine currency (absent when unpriced). */
  costAvoided?: number
}

/** One in-flight inference span and its metrics. All methods swallow their own errors. */
export interface InferenceSpan {
  /** Context with this span active: the provider call runs inside it. */
  readonly context: Context
  /** True when the span records: attributes set on it are kept. */
  readonly recording: boolean
  /**
   * True when `succeed`/`fail` record what they are given (a recording span or metric
   * instruments). When false, callers may pass a placeholder outcome instead of building one.
   */
  readonly recordsOutcome: boolean
  /** Records where in the application the call was made (`code.*` attributes). */
  setCallSite(site: CallSite): void
  /** Records the model actually sent when a soft limit downgraded the request. */
  setModel(model: string, downgradedFrom: string): void
  /** Records the policy keys the call counts against. */
  setPolicyKeys(keys: string[]): void
  /** Records the response-cache lookup of an opted-in call (`finops.cache.hit`). */
  setCacheHit(hit: boolean): void
  /** Adds a span event (e.g. `finops.soft_limit`). */
  addEvent(name: string, attributes: Record<string, string | number | boolean>): void
  /** Marks the first streamed chunk (`gen_ai.client.operation.time_to_first_chunk`). */
  firstChunk(): void
  /** Ends the span with response attributes, usage, cost and budget state; records metrics. */
  succeed(outcome: InferenceOutcome): void
  /** Ends the span as a guard denial: `error.type` = the reason, ERROR status; counts the denial. */
  deny(denial: LimitDenial): void
  /** Ends the span as failed: `error.type` from the error, ERROR status; usage/cost when known. */
  fail(error: unknown, outcome?: InferenceOutcome): void
}

/** Produces inference spans and metrics. */
export interface Telemetry {
  startInference(request: CallRequest, attribution: CallAttribution): InferenceSpan
}
