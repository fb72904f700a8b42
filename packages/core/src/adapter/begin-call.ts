import { diag } from '@opentelemetry/api'
import type { CallHandle, CallPath } from '../call/call-path.js'
import type { CallRequest } from '../call/call-request.js'
import { FinOpsError } from '../errors/finops-error.js'

/**
 * Begins one call on `path` for adapters that send the request themselves (framework middleware
 * such as `@finops-ai/ai-sdk`), whether `begin` is synchronous or not:
 *
 * - admitted: resolves with the call's handle;
 * - denied (any {@link FinOpsError}: `LimitExceededError`, `MissingAttributionError`, a blocking
 *   `ConfigError`): rejects with it, and the caller must not send the request;
 * - any other failure of the engine: logged through OTel `diag`, resolves `undefined`, and the
 *   caller sends the request unobserved (bookkeeping never breaks the host call).
 */
export async function beginCall(path: CallPath, request: CallRequest): Promise<CallHandle | undefined> {
  try {
    return await path.begin(request)
  } catch (error) {
    if (FinOpsError.isInstance(error)) throw error
    diag.error('finops-ai: starting a call failed; sending it unobserved', error)
    return undefined
  }
}
