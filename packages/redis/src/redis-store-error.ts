import { FinOpsError } from '@finops-ai/core'

/** Why a Redis store operation failed. */
export type RedisStoreFailure =
  /** No reply within `timeoutMs` (Redis slow, blocked, or unreachable with queued commands). */
  | 'timeout'
  /** The client could not send the command (connection closed, refused, offline queue disabled). */
  | 'connection'
  /** Redis answered with an error (script error, `LOADING`, `BUSY`, `OOM`, …) or an unexpected reply. */
  | 'reply'

/**
 * The operation that failed: one of `redisStore`'s (`reserve`, `settle`, `read`, `charge`,
 * `recordOutputs`) or of `redisResponseCache` (`get`, `set`).
 */
export type RedisStoreOperation = 'reserve' | 'settle' | 'read' | 'charge' | 'recordOutputs' | 'get' | 'set'

/**
 * A failed or timed-out Redis operation: `redisStore` and `redisResponseCache` reject with it.
 * For the guard operations (`reserve`, `settle`, `read`, `charge`) the guards then apply
 * `createFinOps({ onStoreError })` (`'fail-open'` admits the call flagged
 * `finops.store.degraded=true`, `'fail-closed'` rejects it) and emit a `store_degraded` event
 * carrying this error. A failed `recordOutputs` is logged (OTel `diag`) and the engine learns
 * alone; a failed cache `get` is a miss and a failed `set` is dropped. `cause` holds the client's
 * error when there is one.
 */
export class RedisStoreError extends FinOpsError {
  /** The operation that failed. */
  readonly operation: RedisStoreOperation
  /** Why it failed. */
  readonly failure: RedisStoreFailure

  constructor(operation: RedisStoreOperation, failure: RedisStoreFailure, message: string, options?: { cause?: unknown }) {
    super(`finops-ai redis store: ${operation} failed (${failure}): ${message}`, options)
    this.operation = operation
    this.failure = failure
  }
}
