import type { FinOpsEvent } from '../engine/finops-event.js'
import { humanDuration } from '../errors/denial-message.js'

const wholeOrCents = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 })

/** An amount as people read it: `5,000`, `4,012.50`, `0.00417`. */
export function formatAmount(value: number): string {
  if (Number.isInteger(value)) return whole.format(value)
  return Math.abs(value) < 1 ? small.format(value) : wholeOrCents.format(value)
}

const limitNames: Record<Extract<FinOpsEvent, { type: 'limit_exceeded' }>['reason'], string> = {
  requests_per_minute: 'requests per minute',
  tokens_per_minute: 'tokens per minute',
  concurrency: 'concurrent calls',
  budget: 'hard budget',
  circuit_breaker: 'circuit breaker',
  store_unavailable: 'store (unavailable, failing closed)',
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/**
 * One sentence saying what happened, e.g. `Budget 'team-cap' reached its soft limit: 4,012.50 EUR
 * of 5,000 EUR.` Built from the event's fields only.
 */
export function eventSummary(event: FinOpsEvent): string {
  switch (event.type) {
    case 'soft_limit':
      return `Budget '${event.policy}' reached its soft limit: ${formatAmount(event.spent)} ${event.currency} of ${formatAmount(event.softLimit)} ${event.currency} (${event.period}).`
    case 'circuit_open':
      return `Circuit breaker of '${event.policy}' opened: ${formatAmount(event.velocity)} ${event.currency} in the last minute, limit ${formatAmount(event.limit)} ${event.currency} per minute; calls are rejected until ${event.until.toISOString()}.`
    case 'circuit_closed':
      return `Circuit breaker of '${event.policy}' closed: calls go through again.`
    case 'limit_exceeded': {
      const retry = event.retryAfterMs === undefined ? '' : `; retry in ${humanDuration(event.retryAfterMs)}`
      const unit = event.currency === undefined ? '' : ` ${event.currency}`
      const asked = event.requested === undefined ? '' : ` + ${formatAmount(event.requested)}${unit} asked`
      return `A call was denied by the ${limitNames[event.reason]} of '${event.policy}': ${formatAmount(event.current)}${unit}${asked} of ${formatAmount(event.limit)}${unit}${retry}.`
    }
    case 'unknown_price':
      return `No price is known for ${event.provider} model '${event.model}': add a prices override for it.`
    case 'approximate_price':
      return `${event.provider} model '${event.model}' is priced approximately, as ${event.pricedAs}: add a prices override to price it exactly.`
    case 'store_degraded':
      return `The finops-ai store failed${event.policy ? ` for '${event.policy}'` : ''} (${errorText(event.error)}); calls go on as onStoreError says.`
    case 'attribution_missing':
      return `A call lacked the attribution keys ${event.missing.join(', ')}.`
    case 'wrap_ignored':
      return 'A client already wrapped by another finops-ai engine was wrapped again: this engine does not see its calls.'
  }
}
