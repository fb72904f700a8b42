import { describe, expect, it } from 'vitest'
import { attributionValue } from './attribution-value.js'

describe('attributionValue', () => {
  it('reads own values and treats empty as unset', () => {
    expect(attributionValue({ team: 'search' }, 'team')).toBe('search')
    expect(attributionValue({ team: '' }, 'team')).toBeUndefined()
    expect(attributionValue({}, 'team')).toBeUndefined()
  })

  it('never reads inherited Object.prototype members', () => {
    expect(attributionValue({}, 'constructor')).toBeUndefined()
    expect(attributionValue({}, 'toString')).toBeUndefined()
    expect(attributionValue({ constructor: 'c' } as never, 'constructor')).toBe('c')
  })
})
