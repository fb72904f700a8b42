import type { FinOpsEvent } from '../engine/finops-event.js'

type EventOf<Type extends FinOpsEvent['type']> = Extract<FinOpsEvent, { type: Type }>

/**
 * The fields a webhook sends, per event type: an allow-list, so nothing an event might carry beyond
 * its documented fields (and never prompt or response content) leaves the process.
 */
const payloadFields: { [Type in FinOpsEvent['type']]: readonly Exclude<keyof EventOf<Type>, 'type' | 'policy' | 'key' | 'at'>[] } = {
  soft_limit: ['spent', 'softLimit', 'currency', 'period'],
  circuit_open: ['velocity', 'limit', 'currency', 'until'],
  circuit_closed: [],
  limit_exceeded: ['reason', 'limit', 'current', 'requested', 'currency', 'retryAfterMs'],
  unknown_price: ['provider', 'model'],
  approximate_price: ['provider', 'model', 'pricedAs'],
  store_degraded: ['error'],
  attribution_missing: ['missing'],
  wrap_ignored: [],
}

/**
 * An event as a webhook sends it (`format: 'json'`): `type`, `policy`, `key`, `at` and the fields of
 * its type, with dates as ISO strings and `error` as `{ name, message }`; absent fields are left out.
 */
export type WebhookEventPayload = { type: FinOpsEvent['type']; policy: string; key: string; at: string } & Record<string, unknown>

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  return value
}

function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message }
  return { name: 'Error', message: String(error) }
}

/** The JSON payload of `event`: only its documented fields (see {@link WebhookEventPayload}). */
export function eventPayload(event: FinOpsEvent): WebhookEventPayload {
  const payload: WebhookEventPayload = { type: event.type, policy: event.policy, key: event.key, at: event.at.toISOString() }
  const source = event as unknown as Record<string, unknown>
  for (const field of payloadFields[event.type] as readonly string[]) {
    const value = source[field]
    if (value === undefined) continue
    payload[field] = field === 'error' ? errorSummary(value) : plain(value)
  }
  return payload
}
