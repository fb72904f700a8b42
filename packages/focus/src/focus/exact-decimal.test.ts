import { describe, expect, it } from 'vitest'
import { compareDecimals, formatScaled, multiplyDecimals, parseDecimal } from './exact-decimal.js'

describe('exact decimals', () => {
  it('formats scaled integers without trailing zeros', () => {
    expect(formatScaled(2500n, 6)).toBe('0.0025')
    expect(formatScaled(3, 0)).toBe('3')
    expect(formatScaled(120_000_000n, 9)).toBe('0.12')
    expect(formatScaled(0n, 15)).toBe('0')
    expect(formatScaled(-15n, 1)).toBe('-1.5')
  })

  it('parses FOCUS numeric format including E notation, and rejects the rest', () => {
    expect(parseDecimal('0.0025')).toEqual({ value: 25n, scale: 4 })
    expect(parseDecimal('35.2E-7')).toEqual({ value: 352n, scale: 8 })
    expect(parseDecimal('1e3')).toEqual({ value: 1000n, scale: 0 })
    for (const bad of ['', '+3', '1,000', '35.2E+7', '$3', '1 1/2', ' 1', 'NaN']) expect(parseDecimal(bad)).toBeUndefined()
  })

  it('multiplies and compares exactly where floating point would not', () => {
    const product = multiplyDecimals(parseDecimal('0.1')!, parseDecimal('0.3')!)
    expect(compareDecimals(product, parseDecimal('0.03')!)).toBe(0)
    expect(compareDecimals(parseDecimal('2.50')!, parseDecimal('2.5')!)).toBe(0)
    expect(compareDecimals(parseDecimal('2.5000000000000001')!, parseDecimal('2.5')!)).toBe(1)
  })
})
