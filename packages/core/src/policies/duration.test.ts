import { describe, expect, it } from 'vitest'
import { parseDuration } from './duration.js'

describe('parseDuration', () => {
  it('reads a number as milliseconds', () => {
    expect(parseDuration(300_000)).toBe(300_000)
  })

  it('reads strings with ms, s, m and h units', () => {
    expect(parseDuration('250ms')).toBe(250)
    expect(parseDuration('90s')).toBe(90_000)
    expect(parseDuration('5m')).toBe(300_000)
    expect(parseDuration('1.5h')).toBe(5_400_000)
  })

  it('rejects unknown units, negative and fractional milliseconds', () => {
    expect(parseDuration('5 minutes')).toBeUndefined()
    expect(parseDuration('5d')).toBeUndefined()
    expect(parseDuration(-1)).toBeUndefined()
    expect(parseDuration(1.5)).toBeUndefined()
    expect(parseDuration(null)).toBeUndefined()
  })
})
