import type { IncomingHttpHeaders } from 'node:http'

/** Caller request headers passed on to the upstream: feature flags of the provider APIs, nothing that routes or authenticates. */
const REQUEST_HEADERS = ['anthropic-beta', 'anthropic-version', 'openai-beta'] as const

/** Upstream response headers passed back to the caller: request ids, rate-limit state and retry advice. */
const RESPONSE_HEADERS = new Set(['x-request-id', 'request-id', 'retry-after', 'retry-after-ms', 'x-should-retry', 'openai-processing-ms'])
const RESPONSE_HEADER_PREFIXES = ['x-ratelimit-', 'anthropic-ratelimit-']

/** The caller's headers the upstream should see (see `REQUEST_HEADERS`). */
export function forwardedRequestHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const forwarded: Record<string, string> = {}
  for (const name of REQUEST_HEADERS) {
    const value = headers[name]
    if (typeof value === 'string') forwarded[name] = value
  }
  return forwarded
}

/** The upstream's headers the caller should see (see `RESPONSE_HEADERS`); absent `headers` give none. */
export function forwardedResponseHeaders(headers: Headers | undefined): Record<string, string> {
  const forwarded: Record<string, string> = {}
  headers?.forEach((value, name) => {
    if (RESPONSE_HEADERS.has(name) || RESPONSE_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix))) forwarded[name] = value
  })
  return forwarded
}
