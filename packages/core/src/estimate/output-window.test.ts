import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OutputWindow } from './output-window.js'

/** The nearest-rank percentile of the last `capacity` values, computed by sorting. */
function expectedPercentile(values: number[], capacity: number, percent: number): number {
  const recent = values.slice(-capacity).sort((a, b) => a - b)
  if (recent.length === 0) return 0
  return recent[Math.max(1, Math.ceil((percent / 100) * recent.length)) - 1]!
}

describe('OutputWindow', () => {
  it('reports the nearest-rank percentile of the counts it holds', () => {
    const window = new OutputWindow(100)
    for (let tokens = 1; tokens <= 100; tokens++) window.add(tokens)
    expect(window.percentile(95)).toBe(95)
    expect(window.percentile(50)).toBe(50)
    expect(window.percentile(100)).toBe(100)
    expect(window.percentile(0.5)).toBe(1)
  })

  it('forgets the oldest count once full', () => {
    const window = new OutputWindow(3)
    for (const tokens of [900, 10, 20, 30]) window.add(tokens)
    expect(window.size).toBe(3)
    expect(window.percentile(100)).toBe(30)
  })

  it('is 0 while empty', () => {
    expect(new OutputWindow(5).percentile(95)).toBe(0)
  })

  it('always equals the percentile of its last capacity counts, sorted from scratch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 200 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (capacity, values, percent) => {
          const window = new OutputWindow(capacity)
          for (const [index, tokens] of values.entries()) {
            window.add(tokens)
            expect(window.percentile(percent)).toBe(expectedPercentile(values.slice(0, index + 1), capacity, percent))
          }
        },
      ),
    )
  })
})
