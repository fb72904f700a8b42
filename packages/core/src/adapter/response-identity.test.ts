import { describe, expect, it } from 'vitest'
import { readResponseIdentity } from './response-identity.js'

describe('readResponseIdentity', () => {
  it('reads id, model and service_tier', () => {
    expect(readResponseIdentity({ id: 'r1', model: 'gpt-4o-2024-08-06', service_tier: 'flex' })).toEqual({
      responseId: 'r1',
      responseModel: 'gpt-4o-2024-08-06',
      serviceTier: 'flex',
    })
  })

  it('leaves out what is missing or not a string, and takes the tier from where the caller says', () => {
    expect(readResponseIdentity({ id: 7 }, 'priority')).toEqual({ serviceTier: 'priority' })
    expect(readResponseIdentity(undefined)).toEqual({})
  })
})
