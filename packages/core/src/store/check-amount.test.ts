import { describe, expect, it } from 'vitest'
import { checkAmount } from './check-amount.js'

describe('checkAmount', () => {
  it('accepts zero and safe integers', () => {
    expect(() => checkAmount('amount', 0)).not.toThrow()
    expect(() => checkAmount('amount', Number.MAX_SAFE_INTEGER)).not.toThrow()
  })

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, 1.7e308])('rejects %s with a RangeError naming the amount', (value) => {
    expect(() => checkAmount('costNanos', value)).toThrow(RangeError)
    expect(() => checkAmount('costNanos', value)).toThrow(/costNanos must be a non-negative safe integer/)
  })
})
