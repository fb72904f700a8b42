import { FinOpsError } from './finops-error.js'

const marker = Symbol.for('@finops-ai/core/LimitExceededError')

/**
 * Which limit denied a call. `store_unavailable`: the store could not be reached within its
 * timeout and the engine fails closed (`onStoreError: 'fail-closed'`), so no limit could be checked.
 */
export type LimitReason = 'requests_per_minute' | 'tokens_per_minute' | 'concurrency' | 'budget' | 'circuit_breaker' | 'store_unavailable'

/** The fields of a denial, as carried by {@link LimitExceededError}. */
export interface LimitDenial {
  /** The limit that denied the call. */
  reason: LimitReason
  /** Key of the policy whose limit denied the call (with its `per` value, e.g. `support-rag/user=k.herings`). */
  policy: string
  /** The configured limit: requests, tokens, concurrent calls, or money in the engine currency. */
  limit: number
  /** The value the limit was compared with when the call was denied, in the same unit as `limit`. */
  current: number
  /** When retrying can succeed, the wait in milliseconds; absent when it cannot (hard budget). */
  retryAfterMs?: number
}

/**
 * Thrown (or rejected) by a wrapped client when a guard denies a call. The request was not sent
 * to the provider and nothing was charged.
 */
export class LimitExceededError extends FinOpsError implements LimitDenial {
  /** @internal */
  readonly [marker] = true
  readonly reason: LimitReason
  readonly policy: string
  readonly limit: number
  readonly current: number
  readonly retryAfterMs?: number

  constructor(denial: LimitDenial) {
    const retry = denial.retryAfterMs === undefined ? '' : `; retry after ${denial.retryAfterMs} ms`
    super(`finops-ai: ${denial.reason} limit of policy '${denial.policy}' exceeded (limit ${denial.limit}, current ${denial.current})${retry}`)
    this.reason = denial.reason
    this.policy = denial.policy
    this.limit = denial.limit
    this.current = denial.current
    if (denial.retryAfterMs !== undefined) this.retryAfterMs = denial.retryAfterMs
  }

  /** True for a {@link LimitExceededError} from any copy of this package. */
  static override isInstance(value: unknown): value is LimitExceededError {
    return FinOpsError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true
  }
}
