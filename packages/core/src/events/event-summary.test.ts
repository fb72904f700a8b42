import { describe, expect, it } from 'vitest'
import type { FinOpsEvent } from '../engine/finops-event.js'
import { eventSummary, formatAmount } from './event-summary.js'

const at = new Date('2026-12-03T08:00:00.000Z')
const base = { policy: 'team-cap', key: '', at }

describe('formatAmount', () => {
  it.each([
    [5000, '5,000'],
    [4012.5, '4,012.50'],
    [1234.567, '1,234.57'],
    [0.00417, '0.00417'],
    [0, '0'],
  ])('writes %s as %s', (value, text) => {
    expect(formatAmount(value)).toBe(text)
  })
})

describe('eventSummary', () => {
  it.each<[FinOpsEvent, string]>([
    [{ ...base, type: 'soft_limit', spent: 4012.5, softLimit: 5000, currency: 'EUR', period: 'monthly' }, "Budget 'team-cap' reached its soft limit: 4,012.50 EUR of 5,000 EUR (monthly)."],
    [
      { ...base, type: 'circuit_open', velocity: 21.3, limit: 20, currency: 'EUR', until: new Date('2026-12-03T08:05:00.000Z') },
      "Circuit breaker of 'team-cap' opened: 21.30 EUR in the last minute, limit 20 EUR per minute; calls are rejected until 2026-12-03T08:05:00.000Z.",
    ],
    [{ ...base, type: 'circuit_closed' }, "Circuit breaker of 'team-cap' closed: calls go through again."],
    [
      { ...base, type: 'limit_exceeded', reason: 'requests_per_minute', limit: 120, current: 120, retryAfterMs: 1500 },
      "A call was denied by the requests per minute of 'team-cap': 120 of 120; retry in 1.5 s.",
    ],
    [{ ...base, type: 'limit_exceeded', reason: 'budget', limit: 6000, current: 6000.25 }, "A call was denied by the hard budget of 'team-cap': 6,000.25 of 6,000."],
    [
      { ...base, type: 'limit_exceeded', reason: 'budget', limit: 6000, current: 5999.5, requested: 0.75, currency: 'EUR' },
      "A call was denied by the hard budget of 'team-cap': 5,999.50 EUR + 0.75 EUR asked of 6,000 EUR.",
    ],
    [{ ...base, type: 'unknown_price', provider: 'openai', model: 'in-house' }, "No price is known for openai model 'in-house': add a prices override for it."],
    [
      { ...base, type: 'approximate_price', provider: 'anthropic', model: 'claude-x-5', pricedAs: 'anthropic/claude-x' },
      "anthropic model 'claude-x-5' is priced approximately, as anthropic/claude-x: add a prices override to price it exactly.",
    ],
    [{ ...base, policy: '', type: 'store_degraded', error: new Error('timed out') }, 'The finops-ai store failed (Error: timed out); calls go on as onStoreError says.'],
    [{ ...base, type: 'attribution_missing', missing: ['team', 'feature'] }, 'A call lacked the attribution keys team, feature.'],
    [{ ...base, type: 'wrap_ignored' }, 'A client already wrapped by another finops-ai engine was wrapped again: this engine does not see its calls.'],
  ])('describes %o', (event, sentence) => {
    expect(eventSummary(event)).toBe(sentence)
  })
})
