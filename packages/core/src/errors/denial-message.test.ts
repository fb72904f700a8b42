import { describe, expect, it } from 'vitest'
import { denialMessage, humanDuration } from './denial-message.js'
import { LimitExceededError } from './limit-exceeded-error.js'

describe('humanDuration', () => {
  it('says a wait with its two largest units', () => {
    expect(humanDuration(2_539_716_688)).toBe('29 days 9 h')
    expect(humanDuration(86_400_000)).toBe('1 day')
    expect(humanDuration(90_000)).toBe('1 min 30 s')
    expect(humanDuration(3_600_000)).toBe('1 h')
    expect(humanDuration(1_500)).toBe('1.5 s')
    expect(humanDuration(250)).toBe('250 ms')
  })
})

describe('denialMessage', () => {
  const now = Date.UTC(2026, 11, 2, 14, 38, 3, 312)

  it('gives the currency, the estimate that tips the budget over, a human wait and the period end', () => {
    const message = denialMessage(
      { reason: 'budget', policy: 'team-cap', limit: 0.001, current: 0.000025542, requested: 0.0012, currency: 'EUR', retryAfterMs: Date.UTC(2027, 0, 1) - now },
      now,
    )
    expect(message).toBe(
      "finops-ai: budget limit of policy 'team-cap' exceeded: 0.000025542 EUR spent or reserved + this call's estimated cost 0.0012 EUR > limit 0.001 EUR; retry after 29 days 9 h (at 2027-01-01T00:00:00.000Z)",
    )
  })

  it('says when retrying cannot help (a total budget)', () => {
    expect(denialMessage({ reason: 'budget', policy: 'p', limit: 5, current: 5, requested: 0.1, currency: 'USD' }, now)).toContain('the budget has no period end, so retrying will not help')
  })

  it('names requests, tokens and slots in their own units', () => {
    expect(denialMessage({ reason: 'requests_per_minute', policy: 'p', limit: 2, current: 2, requested: 1, retryAfterMs: 59_000 }, now)).toContain(
      '2 requests in the last minute + this request 1 > limit 2; retry after 59 s',
    )
    expect(denialMessage({ reason: 'tokens_per_minute', policy: 'p', limit: 1000, current: 900, requested: 150 }, now)).toContain("900 tokens in the last minute + this call's estimated tokens 150 > limit 1000")
    expect(denialMessage({ reason: 'concurrency', policy: 'p', limit: 4, current: 4, requested: 1 }, now)).toContain('4 calls in flight + this call 1 > limit 4')
  })

  it('explains a store that could not be reached instead of quoting limits', () => {
    expect(denialMessage({ reason: 'store_unavailable', policy: 'p', limit: 0, current: 0 }, now)).toContain("the store failed (it did not answer in time, or refused to run) and the engine fails closed (onStoreError: 'fail-closed')")
  })

  it('is the message of LimitExceededError, which keeps the new fields', () => {
    const error = new LimitExceededError({ reason: 'budget', policy: 'p', limit: 1, current: 0.5, requested: 0.75, currency: 'USD' }, now)
    expect(error).toMatchObject({ requested: 0.75, currency: 'USD' })
    expect(error.message).toContain("0.5 USD spent or reserved + this call's estimated cost 0.75 USD > limit 1 USD")
  })
})
