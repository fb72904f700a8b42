import { describe, expect, it } from 'vitest'
import { closestName } from './closest-name.js'

describe('closestName', () => {
  it('finds a swapped, missing or wrong letter', () => {
    expect(closestName('tema', ['feature', 'team', 'user'])).toBe('team')
    expect(closestName('featur', ['feature', 'team'])).toBe('feature')
    expect(closestName('costcentre', ['costCenter', 'user'])).toBe('costCenter')
  })

  it('suggests nothing when no candidate is close', () => {
    expect(closestName('region', ['team', 'feature', 'user'])).toBeUndefined()
    expect(closestName('x', [])).toBeUndefined()
  })
})
