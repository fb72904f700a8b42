import { describe, expect, it } from 'vitest'
import { attempt } from './maybe-promise.js'

describe('attempt', () => {
  it('stays synchronous when the work returns a plain value', () => {
    expect(attempt(() => 2, (value) => value * 3, () => -1)).toBe(6)
  })

  it('turns a synchronous throw into onError', () => {
    expect(attempt(() => { throw new Error('down') }, () => 1, (error) => (error as Error).message.length)).toBe(4)
  })

  it('returns a promise when the work returns one, routing rejections to onError', async () => {
    await expect(attempt(() => Promise.resolve(2), (value) => value + 1, () => -1)).resolves.toBe(3)
    await expect(attempt(() => Promise.reject(new Error('x')), () => 1, () => -1)).resolves.toBe(-1)
  })
})
