import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketOf, minuteWindow, windowRetryAfter, windowSum } from './sliding-window.js'

const events = fc.array(fc.record({ at: fc.integer({ min: 0, max: 300_000 }), amount: fc.integer({ min: 1, max: 50 }) }), { maxLength: 60 })

const bucketsOf = (list: { at: number; amount: number }[]): Map<number, number> => {
  const buckets = new Map<number, number>()
  for (const { at, amount } of list) buckets.set(bucketOf(minuteWindow, at), (buckets.get(bucketOf(minuteWindow, at)) ?? 0) + amount)
  return buckets
}

describe('sliding window', () => {
  it('counts every amount of the last 60 s and none older than 61 s', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 400_000 }), (list, now) => {
        const past = list.filter((event) => event.at <= now)
        const exact = past.filter((event) => event.at > now - 60_000).reduce((sum, event) => sum + event.amount, 0)
        const generous = past.filter((event) => event.at > now - 61_000).reduce((sum, event) => sum + event.amount, 0)
        const sum = windowSum(minuteWindow, bucketsOf(past), now)
        expect(sum).toBeGreaterThanOrEqual(exact)
        expect(sum).toBeLessThanOrEqual(generous)
      }),
    )
  })

  it('says when an amount fits, and it does fit then but not a millisecond before', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 40 }), (list, limit, amount) => {
        const now = 300_000
        const buckets = bucketsOf(list)
        const wait = windowRetryAfter(minuteWindow, buckets, now, amount, limit)
        if (amount > limit) {
          expect(wait).toBeUndefined()
          return
        }
        expect(wait).toBeGreaterThanOrEqual(0)
        expect(windowSum(minuteWindow, new Map(buckets), now + wait!) + amount).toBeLessThanOrEqual(limit)
        if (wait! > 0) expect(windowSum(minuteWindow, new Map(buckets), now + wait! - 1) + amount).toBeGreaterThan(limit)
      }),
    )
  })
})
