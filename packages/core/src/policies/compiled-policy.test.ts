import { describe, expect, it } from 'vitest'
import { compilePolicies, policyCounterKey } from './compiled-policy.js'
import { loadPolicies } from './load-policies.js'

const toUsdNanos = (amount: number, currency: string) => amount * (currency === 'EUR' ? 2e9 : 1e9)

describe('compilePolicies', () => {
  it('converts money to nano-USD once, using the engine currency when none is configured', () => {
    const [policy] = compilePolicies(
      loadPolicies([{ key: 'a', limits: { budget: { period: 'daily', soft_limit: 1, hard_limit_eur: 3 }, circuit_breaker: { cost_velocity_usd_per_min: 0.5 } } }]),
      { toUsdNanos, currency: 'EUR' },
    )
    expect(policy).toMatchObject({ budget: { period: 'daily', softNanos: 2e9, hardNanos: 6e9 }, breaker: { velocityNanos: 5e8, cooldownMs: 300_000 } })
  })

  it('names counters by policy key and per value, (none) when the value is missing', () => {
    const [policy] = compilePolicies(loadPolicies([{ key: 'a', per: 'user' }]), { toUsdNanos, currency: 'USD' })
    expect(policyCounterKey(policy!, { user: 'k.herings' })).toBe('a/user=k.herings')
    expect(policyCounterKey(policy!, {})).toBe('a/user=(none)')
  })
})
