import { describe, expect, it } from 'vitest'
import { compilePolicies } from './compiled-policy.js'
import { loadPolicies } from './load-policies.js'
import { createPolicyIndex } from './policy-index.js'

const index = createPolicyIndex(
  compilePolicies(
    loadPolicies([
      { key: 'everyone' },
      { key: 'support', match: { feature: 'support-rag' } },
      { key: 'support-eu', match: { feature: ['support-rag', 'support-mail'], region: 'eu' } },
      { key: 'team-a', match: { team: 'a' } },
    ]),
    { toUsdNanos: (amount) => amount, currency: 'USD' },
  ),
)
const keys = (attribution: Record<string, string>) => index.match(attribution).map((policy) => policy.key)

describe('createPolicyIndex', () => {
  it('applies policies without match to every call', () => {
    expect(keys({})).toEqual(['everyone'])
  })

  it('requires every match key to carry one of its values', () => {
    expect(keys({ feature: 'support-rag' })).toEqual(['everyone', 'support'])
    expect(keys({ feature: 'support-mail', region: 'eu' })).toEqual(['everyone', 'support-eu'])
    expect(keys({ feature: 'support-rag', region: 'us' })).toEqual(['everyone', 'support'])
  })

  it('returns matches in configuration order across index keys', () => {
    expect(keys({ team: 'a', feature: 'support-rag', region: 'eu' })).toEqual(['everyone', 'support', 'support-eu', 'team-a'])
  })
})
