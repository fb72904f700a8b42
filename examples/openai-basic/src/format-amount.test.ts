import { describe, expect, it } from 'vitest'
import { formatAmount } from './format-amount.js'

describe('formatAmount', () => {
  it('keeps the significant digits of tiny amounts instead of rounding them to zero', () => {
    expect(formatAmount(6.9e-8)).toBe('0.000000069')
    expect(formatAmount(0.000009417)).toBe('0.000009417')
  })

  it('rounds to six significant digits without an exponent or grouping', () => {
    expect(formatAmount(4.999805829)).toBe('4.99981')
    expect(formatAmount(1234567.8)).toBe('1234570')
    expect(formatAmount(0)).toBe('0')
  })
})
