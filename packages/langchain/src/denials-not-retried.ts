import { FinOpsError } from '@finops-ai/core'
import type { AsyncCallerParams } from '@langchain/core/utils/async_caller'

/**
 * `fields` with an `onFailedAttempt` that rethrows finops-ai's errors (`LimitExceededError`,
 * `MissingAttributionError`, `ConfigError`) before the caller's own handler runs, so LangChain's
 * `AsyncCaller` never retries a denial. Fields without a handler are returned as they are:
 * LangChain's default handler already stops on the not-retryable mark those errors carry.
 */
export function denialsNotRetried<Fields extends Pick<AsyncCallerParams, 'onFailedAttempt'>>(fields: Fields): Fields {
  const handler = fields.onFailedAttempt
  if (handler === undefined) return fields
  return {
    ...fields,
    onFailedAttempt: (error: unknown): unknown => {
      if (FinOpsError.isInstance(error)) throw error
      return handler(error)
    },
  }
}
