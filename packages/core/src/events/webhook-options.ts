import { closestName } from '../errors/closest-name.js'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { FinOpsEvent } from '../engine/finops-event.js'
import type { WebhookEventPayload } from './event-payload.js'

/** Every event type `onEvent` can receive. */
export const FINOPS_EVENT_TYPES: readonly FinOpsEvent['type'][] = Object.freeze(
  Object.keys({
    soft_limit: true,
    circuit_open: true,
    circuit_closed: true,
    limit_exceeded: true,
    unknown_price: true,
    approximate_price: true,
    store_degraded: true,
    attribution_missing: true,
    wrap_ignored: true,
  } as const satisfies Record<FinOpsEvent['type'], true>) as FinOpsEvent['type'][],
)

/**
 * The event types a webhook delivers by default: what someone on call acts on (budgets, breakers,
 * denials, store failures). Price and attribution events are configuration findings, already logged
 * once through OTel `diag`; `attribution_missing` can come once per call.
 */
export const DEFAULT_WEBHOOK_EVENT_TYPES: readonly FinOpsEvent['type'][] = Object.freeze([
  'soft_limit',
  'circuit_open',
  'circuit_closed',
  'limit_exceeded',
  'store_degraded',
])

/**
 * A request body of your own, built from the event's JSON payload (the `'json'` body) and its
 * one-sentence summary (the `'slack'` text), e.g. for the PagerDuty Events API. Its return value is
 * sent as JSON.
 */
export type WebhookBodyFormat = (payload: WebhookEventPayload, summary: string) => unknown

/** Options of {@link webhookEvents}. */
export interface WebhookEventsOptions {
  /** The `http:` or `https:` URL events are POSTed to. Required. */
  url: string | URL
  /** Which event types are delivered; others are ignored. Default {@link DEFAULT_WEBHOOK_EVENT_TYPES}. */
  types?: readonly FinOpsEvent['type'][]
  /**
   * The request body: `'json'` (default) the event as JSON, `at` as an ISO string, `error` reduced to
   * `{ name, message }`; `'slack'` a Slack incoming-webhook message `{ text, blocks }`; or a function.
   */
  format?: 'json' | 'slack' | WebhookBodyFormat
  /** Extra request headers, e.g. `{ Authorization: 'Bearer …' }`. `content-type` is `application/json`. */
  headers?: Record<string, string>
  /** Longest wait for one attempt (connect, response and body), in ms. Default 5,000. */
  timeoutMs?: number
  /** Retries after a network error, a timeout, 429 or 5xx (never after another 4xx). Default 3. */
  retries?: number
  /**
   * Base of the exponential backoff between retries, in ms: attempt n waits `retryDelayMs × 2^n`
   * with jitter (×0.5–1), at most 30 s. A 429 or 503 with `Retry-After` waits that long instead (at
   * most 60 s). Default 500.
   */
  retryDelayMs?: number
  /**
   * At most one delivery per event type and policy within this many ms (by the events' `at`), so a
   * burst of `limit_exceeded` denials sends one message; later ones in the window are dropped. `0`
   * delivers every event. Default 60,000.
   */
  dedupeWindowMs?: number
  /**
   * Most deliveries waiting to be sent; beyond it the oldest waiting one is dropped (counted in
   * `dropped`, and one OTel `diag.warn` per burst of drops). Default 1,000.
   */
  maxQueue?: number
  /** The `fetch` implementation. Default the global `fetch`. */
  fetch?: typeof globalThis.fetch
}

/** {@link WebhookEventsOptions} checked, with every default applied. */
export interface WebhookSettings {
  url: URL
  types: ReadonlySet<FinOpsEvent['type']>
  format: 'json' | 'slack' | WebhookBodyFormat
  headers: Record<string, string>
  timeoutMs: number
  retries: number
  retryDelayMs: number
  dedupeWindowMs: number
  maxQueue: number
  fetch: typeof globalThis.fetch
}

const optionKeys = {
  url: true,
  types: true,
  format: true,
  headers: true,
  timeoutMs: true,
  retries: true,
  retryDelayMs: true,
  dedupeWindowMs: true,
  maxQueue: true,
  fetch: true,
} as const satisfies Record<keyof WebhookEventsOptions, true>

const root = 'webhookEvents'

function readURL(value: unknown, issues: ConfigIssue[]): URL {
  const path = `${root}.url`
  let url: URL | undefined
  try {
    url = typeof value === 'string' || value instanceof URL ? new URL(value) : undefined
  } catch {
    // reported below
  }
  if (url === undefined) issues.push({ path, detail: 'expected an absolute http: or https: URL' })
  else if (url.protocol !== 'http:' && url.protocol !== 'https:') issues.push({ path, detail: `expected http: or https:, got ${url.protocol}` })
  else if (url.username !== '' || url.password !== '') issues.push({ path, detail: 'fetch refuses credentials in a URL: send them in headers (Authorization)' })
  return url ?? new URL('http://invalid')
}

function readTypes(value: unknown, issues: ConfigIssue[]): Set<FinOpsEvent['type']> {
  if (value === undefined) return new Set(DEFAULT_WEBHOOK_EVENT_TYPES)
  if (!Array.isArray(value)) {
    issues.push({ path: `${root}.types`, detail: 'expected an array of event types' })
    return new Set()
  }
  value.forEach((type: unknown, index) => {
    if (FINOPS_EVENT_TYPES.includes(type as FinOpsEvent['type'])) return
    const suggestion = typeof type === 'string' ? closestName(type, FINOPS_EVENT_TYPES) : undefined
    issues.push({
      path: `${root}.types[${index}]`,
      detail: `expected one of ${FINOPS_EVENT_TYPES.join('|')}${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`}`,
    })
  })
  return new Set(value as FinOpsEvent['type'][])
}

function readCount(name: keyof WebhookEventsOptions, value: unknown, fallback: number, minimum: number, issues: ConfigIssue[]): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    issues.push({ path: `${root}.${name}`, detail: `expected an integer ≥ ${minimum}, got ${String(value)}` })
  }
  return value as number
}

function readHeaders(value: unknown, issues: ConfigIssue[]): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'finops-ai' }
  if (value === undefined) return headers
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path: `${root}.headers`, detail: 'expected an object of header names and string values' })
    return headers
  }
  for (const [name, header] of Object.entries(value)) {
    if (typeof header === 'string') headers[name.toLowerCase()] = header
    else issues.push({ path: `${root}.headers.${name}`, detail: `expected a string, got ${typeof header}` })
  }
  return headers
}

/** Checks {@link WebhookEventsOptions} and applies the defaults; throws one `ConfigError` listing every problem. */
export function resolveWebhookOptions(options: WebhookEventsOptions): WebhookSettings {
  const issues: ConfigIssue[] = []
  for (const key of Object.keys(options ?? {})) {
    if (Object.hasOwn(optionKeys, key)) continue
    const suggestion = closestName(key, Object.keys(optionKeys))
    issues.push({ path: `${root}.${key}`, detail: `unknown option${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`}` })
  }
  const { format = 'json', fetch = globalThis.fetch } = options ?? {}
  if (format !== 'json' && format !== 'slack' && typeof format !== 'function') {
    issues.push({ path: `${root}.format`, detail: `expected 'json', 'slack' or a function, got ${String(format)}` })
  }
  if (typeof fetch !== 'function') issues.push({ path: `${root}.fetch`, detail: 'expected a fetch function' })
  const settings: WebhookSettings = {
    url: readURL(options?.url, issues),
    types: readTypes(options?.types, issues),
    format,
    headers: readHeaders(options?.headers, issues),
    timeoutMs: readCount('timeoutMs', options?.timeoutMs, 5_000, 1, issues),
    retries: readCount('retries', options?.retries, 3, 0, issues),
    retryDelayMs: readCount('retryDelayMs', options?.retryDelayMs, 500, 0, issues),
    dedupeWindowMs: readCount('dedupeWindowMs', options?.dedupeWindowMs, 60_000, 0, issues),
    maxQueue: readCount('maxQueue', options?.maxQueue, 1_000, 1, issues),
    fetch,
  }
  if (issues.length > 0) throw new ConfigError(issues)
  return settings
}
