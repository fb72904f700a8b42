import { describe, expect, it } from 'vitest'
import { fakeUsage } from './fake-usage.js'

describe('fakeUsage', () => {
  it('treats cache counts as parts of the input and reasoning as part of the output', () => {
    expect(fakeUsage(10, 4, { cachedTokens: 3, cacheWriteTokens: 2, cacheWrite1hTokens: 1, reasoningTokens: 5 })).toMatchObject({
      input: 10,
      uncached: 4,
      output: 9,
      reasoning: 5,
    })
  })

  it('raises the input to the cache counts so overrides are reported as given', () => {
    expect(fakeUsage(2, 0, { cachedTokens: 50 })).toMatchObject({ input: 50, cached: 50, uncached: 0 })
  })

  it('ignores negative and non-finite overrides', () => {
    expect(fakeUsage(2, 1, { cachedTokens: -1, reasoningTokens: Number.NaN })).toMatchObject({ cached: 0, reasoning: 0 })
  })

  it('passes the reported inference geography through', () => {
    expect(fakeUsage(1, 1, { inferenceGeo: 'us' }).inferenceGeo).toBe('us')
    expect(fakeUsage(1, 1, {}).inferenceGeo).toBeUndefined()
  })
})
