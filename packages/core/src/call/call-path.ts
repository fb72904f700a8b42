import type { Context } from '@opentelemetry/api'
import type { Attribution } from '../attribution/attribution.js'
import type { ResponseCapture } from '../cache/response-capture.js'
import type { CachedResponse } from '../cache/response-cache-store.js'
import type { CallRequest } from './call-request.js'
import type { CallResult } from './call-result.js'

/**
 * One admitted call between its reservation and its settlement. Provider adapters drive it:
 * run the provider request inside `context`, report the first streamed chunk, then exactly one of
 * `succeed` or `fail` (later calls are ignored). None of its methods throw.
 */
export interface CallHandle {
  /** The model to send: the requested one, or its downgrade after a soft budget limit. */
  readonly model: string
  /** OTel context with the inference span active. */
  readonly context: Context
  /**
   * Set when the response cache answered the call (a hit): replay this response instead of sending
   * the request, and settle the call from the replay as usual (the engine records it as a hit).
   */
  readonly cachedResponse?: CachedResponse
  /**
   * Set when the call opted into the response cache and missed: give it the sent request's
   * response promise right after sending, before the caller can read the body.
   */
  readonly responseCapture?: ResponseCapture
  /** Marks the first streamed chunk. */
  firstChunk(): void
  /** Prices and settles the call, ends its span, emits metrics and its usage record. */
  succeed(result: CallResult): void
  /** Settles what the failed call really used (`partial`, or nothing) and ends its span with the error. */
  fail(error: unknown, partial?: CallResult): void
}

/**
 * The engine's side of the one call path every provider adapter uses. `begin` resolves
 * attribution, looks an opted-in call up in the response cache (a hit's handle carries
 * `cachedResponse` and reserves nothing), checks guards and reserves budget; it throws (or rejects
 * with) `MissingAttributionError` or `LimitExceededError` when the call must not be sent.
 * It is synchronous when the stores are (the memory stores), a promise otherwise.
 */
export interface CallPath {
  /**
   * Whether prompt and completion content is recorded: adapters then set `CallRequest.content` and
   * `CallResult.outputContent`, and otherwise build neither. Fixed for the path's life, so adapters
   * read it once. Absent means `false`.
   */
  readonly captureContent?: boolean
  begin(request: CallRequest): CallHandle | Promise<CallHandle>
  /**
   * The engine's entry point for usage billed after the fact (batch results). Absent on paths that
   * only meter live calls (test doubles, per-call decorators): adapters then leave such resources
   * unpatched.
   */
  readonly billedUsage?: BilledUsagePath
  /**
   * Told when a client already wrapped with another engine is wrapped again with this one: the wrap
   * is ignored (the client's calls keep going through the first engine), so this engine emits a
   * `wrap_ignored` event to say its policies do not apply to that client. Absent on paths without
   * events.
   */
  wrapIgnored?(): void
}

/** One piece of usage billed after the fact, e.g. a finished batch or one result of it. */
export interface BilledUsage {
  /**
   * Id of the billed work, unique per provider, e.g. `openai:batch_abc` or
   * `anthropic:msgbatch_1/request-7`. It is recorded once: the engine's store remembers it (see
   * `Store.charge`), so a second record of the same id, from this process or another one sharing
   * the store, records nothing.
   */
  id: string
  /** What the work was: provider, operation, model, service tier (`batch`), server. */
  request: CallRequest
  /** Its usage (and response model, id, service tier when known). */
  result: CallResult
  /** The attribution captured when the work was submitted (see `BilledUsagePath.captureAttribution`), used as it is. */
  attribution: Attribution
}

/** Work about to be submitted for billing after the fact (a batch), as `admitSubmission` checks it. */
export interface BilledSubmission {
  /** One request per piece of work, with its model, service tier and estimates. */
  requests: readonly CallRequest[]
  /** The attribution captured for the submission (`captureAttribution`). */
  attribution: Attribution
}

/**
 * Records usage that the provider bills after the fact (batches): no admission, no reservation —
 * the money is already spent. Adapters capture the attribution when the work is submitted and
 * record each finished piece of it once.
 */
export interface BilledUsagePath {
  /**
   * The attribution a call made now would carry (call-site scope > client default > engine
   * default; `user` hashed when `attribution.hashUser` is set). Capture it when billable work is
   * submitted. Never throws.
   */
  captureAttribution(clientAttribution?: Attribution): Attribution
  /**
   * Remembers the attribution captured for submitted work (a batch id) in this process, for
   * {@link submittedAttribution}. Bounded: the 10,000 most recent submissions; lost on restart.
   */
  rememberSubmission(id: string, attribution: Attribution): void
  /** The attribution remembered for `id` by {@link rememberSubmission}, or `undefined`. */
  submittedAttribution(id: string): Attribution | undefined
  /**
   * Checks work about to be submitted (a batch) against the hard budgets of the policies matching
   * `attribution`: the estimated cost of its `requests` (each priced at its model and service
   * tier: input estimate plus `maxOutputTokens`, or the engine's default output estimate) must fit
   * (`spent + reserved + estimate <= hard limit`). Nothing is reserved (the cost is charged when
   * the results are recorded) and rate, concurrency and breaker limits are not checked (the
   * provider runs batches outside live traffic). Throws, or rejects with, `LimitExceededError`
   * when it does not fit, after a `limit_exceeded` event; synchronous with synchronous stores.
   */
  admitSubmission(submission: BilledSubmission): void | Promise<void>
  /**
   * Prices the usage, adds its cost to the budgets of the matching policies without denying,
   * and emits one GenAI span, the metrics and one usage record. Resolves `true` when recorded,
   * `false` when the id was recorded before (or recording failed, logged through OTel `diag`).
   * Never rejects.
   */
  record(usage: BilledUsage): Promise<boolean>
}
