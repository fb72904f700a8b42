import { describe, expect, it } from 'vitest'
import { WELL_KNOWN_ATTRIBUTION_KEYS } from '../attribution/well-known-keys.js'
import { loadPolicies } from './load-policies.js'
import { scopeKeyIssues } from './scope-keys.js'

const known = new Set(WELL_KNOWN_ATTRIBUTION_KEYS)
const limits = { requests_per_minute: 1 }

describe('scopeKeyIssues', () => {
  it("flags per: user-id with did you mean 'user'", () => {
    const [issue] = scopeKeyIssues(loadPolicies([{ key: 'p', per: 'user-id', limits }]), known, 'Declare it.')
    expect(issue?.path).toBe('policies[0].per')
    expect(issue?.detail).toBe("'user-id' is not a known attribution key (user, team, feature, costCenter); did you mean 'user'? Declare it.")
  })

  it('flags a match key such as cost-center, suggesting costCenter', () => {
    const issues = scopeKeyIssues(loadPolicies([{ key: 'a', limits }, { key: 'b', match: { 'cost-center': 'x' }, per: 'usr', limits }]), known, '')
    expect(issues.map((issue) => issue.path)).toEqual(['policies[1].match.cost-center', 'policies[1].per'])
    expect(issues[0]?.detail).toContain("did you mean 'costCenter'?")
    expect(issues[1]?.detail).toContain("did you mean 'user'?")
  })

  it('accepts well-known and declared keys', () => {
    expect(scopeKeyIssues(loadPolicies([{ key: 'p', match: { team: 'x', tenant: 'y' }, per: 'run', limits }]), new Set([...known, 'tenant', 'run']), '')).toEqual([])
  })
})
