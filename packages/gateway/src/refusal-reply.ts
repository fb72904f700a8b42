import type { ProviderName } from './provider-name.js'
import type { Reply } from './reply.js'

/** An answer the gateway gives itself, without asking the upstream. */
export interface Refusal {
  /** HTTP status, e.g. 401, 403, 429. */
  status: number
  /** What happened and what to change, for the caller. */
  message: string
  /** OpenAI's machine-readable `error.code`. Default: the status's usual code. */
  code?: string
  /** Extra headers, e.g. `retry-after`. */
  headers?: Readonly<Record<string, string>>
}

/** `status → [OpenAI error.type, OpenAI error.code, Anthropic error.type]`, as the providers answer. */
const ERROR_TYPES: Record<number, [openaiType: string, openaiCode: string | null, anthropicType: string]> = {
  400: ['invalid_request_error', null, 'invalid_request_error'],
  401: ['invalid_request_error', 'invalid_api_key', 'authentication_error'],
  403: ['invalid_request_error', 'permission_denied', 'permission_error'],
  404: ['invalid_request_error', 'unknown_url', 'not_found_error'],
  405: ['invalid_request_error', 'method_not_allowed', 'invalid_request_error'],
  408: ['invalid_request_error', 'request_timeout', 'timeout_error'],
  413: ['invalid_request_error', 'request_too_large', 'request_too_large'],
  431: ['invalid_request_error', 'too_many_headers', 'invalid_request_error'],
  429: ['requests', 'rate_limit_exceeded', 'rate_limit_error'],
  502: ['server_error', 'upstream_unreachable', 'api_error'],
  503: ['server_error', 'unavailable', 'overloaded_error'],
  504: ['server_error', 'upstream_timeout', 'timeout_error'],
}

/**
 * An error body in `provider`'s own shape, which its SDK parses into its error classes:
 * OpenAI `{ error: { message, type, param, code } }`, Anthropic `{ type: 'error', error: { type, message } }`.
 */
export function errorBody(provider: ProviderName, status: number, message: string, code?: string): unknown {
  const [openaiType, openaiCode, anthropicType] = ERROR_TYPES[status] ?? (status >= 500 ? ['server_error', null, 'api_error'] : ['invalid_request_error', null, 'invalid_request_error'])
  if (provider === 'anthropic') return { type: 'error', error: { type: anthropicType, message } }
  return { error: { message, type: openaiType, param: null, code: code ?? openaiCode } }
}

/** The reply for `refusal` in `provider`'s error shape. */
export function refusalReply(provider: ProviderName, refusal: Refusal): Reply {
  return { status: refusal.status, headers: refusal.headers ?? {}, body: errorBody(provider, refusal.status, refusal.message, refusal.code) }
}
