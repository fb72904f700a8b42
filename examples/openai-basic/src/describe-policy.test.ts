import { describe, expect, it } from 'vitest'
import { describePolicy } from './describe-policy.js'

describe('describePolicy', () => {
  it('names the scope and both budget limits, with the currency and what each does', () => {
    const policy = {
      key: 'support-budget',
      match: { team: 'customer-support' },
      limits: { budget: { period: 'monthly' as const, soft_limit: 0.0001, hard_limit: 5 } },
    }
    expect(describePolicy(policy, 'EUR')).toBe(
      'support-budget [team=customer-support]: monthly soft limit 0.0001 EUR (emits a soft_limit event); ' +
        'monthly hard limit 5 EUR (calls over it are denied)',
    )
  })

  it('names the per key and the rate limits', () => {
    const policy = { key: 'per-user-rate', per: 'user', limits: { requests_per_minute: 3, max_concurrent: 2 } }
    expect(describePolicy(policy, 'USD')).toBe(
      'per-user-rate [counted per user]: 3 requests per minute (more are denied); 2 concurrent calls (more are denied)',
    )
  })

  it('says when a policy applies to every call', () => {
    const policy = { key: 'all', limits: { tokens_per_minute: 1000, budget: { period: 'daily' as const, currency: 'USD', hard_limit: 2 } } }
    expect(describePolicy(policy, 'EUR')).toBe('all [every call]: 1000 tokens per minute (more are denied); daily hard limit 2 USD (calls over it are denied)')
  })
})
