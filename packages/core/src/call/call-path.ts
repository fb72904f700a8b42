import type { Context } from '@opentelemetry/api'
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
  /** Marks the first streamed chunk. */
  firstChunk(): void
  /** Prices and settles the call, ends its span, emits metrics and its usage record. */
  succeed(result: CallResult): void
  /** Settles what the failed call really used (`partial`, or nothing) and ends its span with the error. */
  fail(error: unknown, partial?: CallResult): void
}

/**
 * The engine's side of the one call path every provider adapter uses. `begin` resolves
 * attribution, checks guards and reserves budget; it throws (or rejects with)
 * `MissingAttributionError` or `LimitExceededError` when the call must not be sent.
 * It is synchronous when the store is (the memory store), a promise otherwise.
 */
export interface CallPath {
  /**
   * Whether prompt and completion content is recorded: adapters then set `CallRequest.content` and
   * `CallResult.outputContent`, and otherwise build neither. Fixed for the path's life, so adapters
   * read it once. Absent means `false`.
   */
  readonly captureContent?: boolean
  begin(request: CallRequest): CallHandle | Promise<CallHandle>
}
