import { describe, expect, it } from 'vitest'
import { ConfigError } from './config-error.js'
import { FinOpsError } from './finops-error.js'
import { LimitExceededError } from './limit-exceeded-error.js'
import { MissingAttributionError } from './missing-attribution-error.js'

describe('errors', () => {
  it('recognise instances through the Symbol.for marker, even from another copy of the package', () => {
    const copy = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('@finops-ai/core/FinOpsError')]: true,
      [Symbol.for('@finops-ai/core/LimitExceededError')]: true,
    })
    expect(FinOpsError.isInstance(copy)).toBe(true)
    expect(LimitExceededError.isInstance(copy)).toBe(true)
    expect(MissingAttributionError.isInstance(copy)).toBe(false)
    expect(FinOpsError.isInstance(new Error('x'))).toBe(false)
    expect(FinOpsError.isInstance(null)).toBe(false)
  })

  it('LimitExceededError carries the denial and says how long to wait', () => {
    const error = new LimitExceededError({ reason: 'requests_per_minute', policy: 'p', limit: 10, current: 10, retryAfterMs: 1500 })
    expect(error).toMatchObject({ name: 'LimitExceededError', reason: 'requests_per_minute', policy: 'p', limit: 10, current: 10, retryAfterMs: 1500 })
    expect(error.message).toContain('retry after 1.5 s')
    expect(FinOpsError.isInstance(error)).toBe(true)
  })

  it('MissingAttributionError lists the missing keys and how to fix it', () => {
    const error = new MissingAttributionError(['team', 'feature'])
    expect(error.missing).toEqual(['team', 'feature'])
    expect(error.message).toContain("missing required attribution 'team', 'feature'")
    expect(error.message).toContain('withAttribution({ team: ..., feature: ... }')
    expect(new MissingAttributionError(['*']).message).toContain('carries no attribution')
  })

  it("carry LangChain's not-retryable mark, which its AsyncCaller reads before retrying", () => {
    const errors = [
      new LimitExceededError({ reason: 'budget', policy: 'p', limit: 1, current: 1 }),
      new MissingAttributionError(['team']),
      new ConfigError({ path: 'policies[0].key', detail: 'required' }),
    ]
    for (const error of errors) {
      expect(Object.getOwnPropertyDescriptor(error, Symbol.for('langchain.errors.retryable'))?.value).toBe(false)
    }
  })

  it('ConfigError lists every issue with its path', () => {
    const error = new ConfigError([
      { path: 'policies[2].limits.budget.period', detail: 'expected one of hourly|daily|weekly|monthly|total' },
      { path: 'policies[3].key', detail: 'duplicate key' },
    ])
    expect(error.path).toBe('policies[2].limits.budget.period')
    expect(error.issues).toHaveLength(2)
    expect(error.message).toBe(
      'finops-ai config: policies[2].limits.budget.period: expected one of hourly|daily|weekly|monthly|total; policies[3].key: duplicate key',
    )
  })
})
