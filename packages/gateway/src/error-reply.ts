import Anthropic from '@anthropic-ai/sdk'
import { ConfigError, LimitExceededError, MissingAttributionError } from '@finops-ai/core'
import { diag } from '@opentelemetry/api'
import OpenAI from 'openai'
import { forwardedResponseHeaders } from './forwarded-headers.js'
import type { ProviderName } from './provider-name.js'
import { refusalReply } from './refusal-reply.js'
import type { Reply } from './reply.js'

type UpstreamError = InstanceType<typeof OpenAI.APIError> | InstanceType<typeof Anthropic.APIError>

const isUpstreamError = (error: unknown): error is UpstreamError => error instanceof OpenAI.APIError || error instanceof Anthropic.APIError
const isTimeout = (error: unknown) => error instanceof OpenAI.APIConnectionTimeoutError || error instanceof Anthropic.APIConnectionTimeoutError

/** True when the call failed because the gateway's caller went away (nothing left to answer). */
export function isCallerAbort(error: unknown): boolean {
  return error instanceof OpenAI.APIUserAbortError || error instanceof Anthropic.APIUserAbortError
}

/** How long a caller is told to wait when the store is unavailable and the engine fails closed. */
const STORE_RETRY_AFTER_MS = 1000

/**
 * The answer for a call that failed, in `provider`'s error shape:
 * - a guard denial (`LimitExceededError`) → 429, with `retry-after` (seconds, rounded up) and
 *   `retry-after-ms` when waiting helps, else `x-should-retry: false` so SDKs do not retry;
 * - a `store_unavailable` denial (the store is down and the engine fails closed) → 503 with
 *   `retry-after: 1`: it is the gateway's condition, not the caller's rate limit;
 * - missing attribution, or an invalid attribution value from the user header → 400;
 * - an upstream answer with an error status → that status, body and retry/request-id headers;
 * - upstream timeout → 504, upstream unreachable → 502.
 * Anything else is the gateway's own failure → 500, without details.
 */
export function errorReply(provider: ProviderName, error: unknown): Reply {
  if (LimitExceededError.isInstance(error) && error.reason === 'store_unavailable') {
    // Not the caller's limit: the gateway cannot check limits right now (Redis down, failing closed).
    const headers = { 'retry-after': String(STORE_RETRY_AFTER_MS / 1000), 'retry-after-ms': String(STORE_RETRY_AFTER_MS) }
    return refusalReply(provider, { status: 503, message: error.message, code: 'store_unavailable', headers })
  }
  if (LimitExceededError.isInstance(error)) {
    const retryAfterMs = error.retryAfterMs
    const headers: Record<string, string> =
      retryAfterMs === undefined
        ? { 'x-should-retry': 'false' }
        : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))), 'retry-after-ms': String(Math.max(0, Math.ceil(retryAfterMs))) }
    return refusalReply(provider, { status: 429, message: error.message, code: error.reason === 'budget' ? 'budget_exceeded' : 'rate_limit_exceeded', headers })
  }
  if (MissingAttributionError.isInstance(error)) {
    const keys = error.missing.map((key) => `'${key}'`).join(', ')
    return refusalReply(provider, { status: 400, message: `finops-ai gateway: this virtual key's attribution lacks ${keys}, which the gateway requires; ask its administrator to add it`, code: 'missing_attribution' })
  }
  if (ConfigError.isInstance(error)) return refusalReply(provider, { status: 400, message: error.message, code: 'invalid_attribution' })
  if (isTimeout(error)) return refusalReply(provider, { status: 504, message: 'finops-ai gateway: the upstream did not answer in time' })
  if (isUpstreamError(error)) {
    if (error.status === undefined) return refusalReply(provider, { status: 502, message: 'finops-ai gateway: the upstream could not be reached' })
    return { status: error.status, headers: forwardedResponseHeaders(error.headers), body: upstreamErrorBody(provider, error) }
  }
  diag.error(`finops-ai gateway: unexpected error: ${error instanceof Error ? error.message : String(error)}`)
  return refusalReply(provider, { status: 500, message: 'finops-ai gateway: internal error' })
}

/** The body the upstream sent: OpenAI's SDK keeps only its `error` member, Anthropic's the whole body. */
function upstreamErrorBody(provider: ProviderName, error: UpstreamError): unknown {
  if (error.error === undefined || error.error === null) return refusalReply(provider, { status: error.status!, message: error.message }).body
  return provider === 'openai' ? { error: error.error } : error.error
}

/**
 * The error record for a stream that fails after its first event: an error the upstream sent in
 * the stream keeps its body; a broken connection (the SDK throws a network error) is reported as 502.
 */
export function streamFailureReply(provider: ProviderName, error: unknown): Reply {
  if (isUpstreamError(error)) return errorReply(provider, error)
  return refusalReply(provider, { status: 502, message: 'finops-ai gateway: the upstream stream broke off' })
}
