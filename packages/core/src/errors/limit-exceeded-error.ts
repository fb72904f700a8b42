import { denialMessage } from './denial-message.js'
import { FinOpsError } from './finops-error.js'
import type { LimitDenial, LimitReason } from './limit-denial.js'

export type { LimitDenial, LimitReason } from './limit-denial.js'

const marker = Symbol.for('@finops-ai/core/LimitExceededError')

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
  readonly requested?: number
  readonly currency?: string

  /** `now`: the time of the denial in epoch ms, for the retry date in the message. Default `Date.now()`. */
  constructor(denial: LimitDenial, now = Date.now()) {
    super(denialMessage(denial, now))
    this.reason = denial.reason
    this.policy = denial.policy
    this.limit = denial.limit
    this.current = denial.current
    if (denial.retryAfterMs !== undefined) this.retryAfterMs = denial.retryAfterMs
    if (denial.requested !== undefined) this.requested = denial.requested
    if (denial.currency !== undefined) this.currency = denial.currency
  }

  /** True for a {@link LimitExceededError} from any copy of this package. */
  static override isInstance(value: unknown): value is LimitExceededError {
    return FinOpsError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true
  }
}
