import { describe, expect, it } from 'vitest'
import { picoPerSecondFromHourly, picoPerTokenFromMtok, picoPerUnitFromKcount, picoPerUnitFromUsd } from './pico-rate.js'

describe('pico rates', () => {
  it('converts USD per 1M tokens into integer pico-USD per token, absorbing float noise', () => {
    expect(0.00051 * 1e6).not.toBe(510)
    expect(picoPerTokenFromMtok(0.00051)).toBe(510)
    expect(picoPerTokenFromMtok(0.15)).toBe(150_000)
    expect(picoPerTokenFromMtok(2.5)).toBe(2_500_000)
    expect(picoPerTokenFromMtok(0.075)).toBe(75_000)
    expect(picoPerTokenFromMtok(0.02)).toBe(20_000)
  })

  it('converts USD per 1000 units and USD per unit into pico-USD per unit', () => {
    // 10 USD per 1000 web searches = 0.01 USD = 1e10 pico-USD per search
    expect(picoPerUnitFromKcount(10)).toBe(10_000_000_000)
    expect(picoPerUnitFromUsd(0.005)).toBe(5_000_000_000)
  })

  it('converts USD per hour of audio into pico-USD per second', () => {
    // whisper-1: 0.006 USD per minute = 0.36 USD per hour = 0.0001 USD per second
    expect(picoPerSecondFromHourly(0.36)).toBe(100_000_000)
    expect(picoPerSecondFromHourly(0.27)).toBe(75_000_000)
  })
})
