import { describe, expect, it } from 'vitest'
import { addAttributionAttributes, attributionAttributeName } from './attribution-attributes.js'

const attribution = { user: 'k.herings', team: 'support', feature: 'support-rag', costCenter: 'CC-4711', run: 'r-1' }

describe('attribution attribute names', () => {
  it('are the contract names by default', () => {
    expect(addAttributionAttributes({}, attribution)).toEqual({
      'enduser.id': 'k.herings',
      'team.name': 'support',
      'feature.name': 'support-rag',
      cost_center: 'CC-4711',
      'finops.attribution.run': 'r-1',
    })
  })

  it('put every key but user under finops.attribution.* when namespaced, cost center in snake_case', () => {
    expect(addAttributionAttributes({}, attribution, 'namespaced')).toEqual({
      'enduser.id': 'k.herings',
      'finops.attribution.team': 'support',
      'finops.attribution.feature': 'support-rag',
      'finops.attribution.cost_center': 'CC-4711',
      'finops.attribution.run': 'r-1',
    })
    expect(attributionAttributeName('team')).toBe('team.name')
    expect(attributionAttributeName('team', 'namespaced')).toBe('finops.attribution.team')
  })
})
