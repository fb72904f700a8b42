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
  /**
   * What this call asked for on top of `current`, in the unit of `limit`: its estimated cost for a
   * budget or breaker, its estimated tokens for `tokens_per_minute`, 1 for requests and concurrency.
   * `current + requested > limit` is why it was denied. Absent when unknown.
   */
  requested?: number
  /** Currency of `limit`, `current` and `requested` for money limits (`budget`, `circuit_breaker`). */
  currency?: string
}
