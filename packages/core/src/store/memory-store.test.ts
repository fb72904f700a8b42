import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runStoreConformance } from '../testing/index.js'
import { memoryStore } from './memory-store.js'

runStoreConformance('memoryStore', () => memoryStore(), { describe, it, expect, beforeEach, afterEach } as never)
runStoreConformance('memoryStore (maxKeys 4)', () => memoryStore({ maxKeys: 4 }), { describe, it, expect } as never, { evictsBeyond: 4 })

describe('memoryStore', () => {
  it('forgets the least recently charged id beyond maxChargeIds', () => {
    const store = memoryStore({ maxChargeIds: 2, clock: () => 0 })
    const charge = (id: string) => store.charge!({ id, counters: [{ kind: 'budget', key: 'b', period: 'total', amount: 1 }] })
    charge('a')
    charge('b')
    charge('c')
    expect(charge('c')).toEqual({ charged: false, counters: [] })
    expect(charge('a')).toMatchObject({ charged: true, counters: [{ spent: 4 }] })
  })

  it('answers synchronously, never with a promise', () => {
    const store = memoryStore({ clock: () => 1_000 })
    const decision = store.reserve({ id: 'a', counters: [{ kind: 'concurrency', key: 'c', limit: 1 }] })
    expect(decision instanceof Promise).toBe(false)
    expect(store.settle({ id: 'a', tokens: 0, costNanos: 0 }) instanceof Promise).toBe(false)
  })

  it('uses its clock when a request carries no time', () => {
    let now = Date.UTC(2024, 0, 31, 23, 59)
    const store = memoryStore({ clock: () => now })
    store.reserve({ id: 'a', counters: [{ kind: 'budget', key: 'b', period: 'monthly', amount: 5 }] })
    now = Date.UTC(2024, 1, 1)
    expect(store.read({ counters: [{ kind: 'budget', key: 'b', period: 'monthly' }] })).toEqual([
      { kind: 'budget', spent: 0, reserved: 0, periodStart: now, periodEnd: Date.UTC(2024, 2, 1) },
    ])
  })

  it('stays bounded under high-cardinality keys once their calls settled', () => {
    const store = memoryStore({ maxKeys: 100 })
    for (let user = 0; user < 10_000; user++) {
      store.reserve({ id: `r${user}`, now: 0, counters: [{ kind: 'window', key: `u${user}`, measure: 'requests', amount: 1, limit: 1, windowMs: 60_000, bucketMs: 1_000 }] })
      store.settle({ id: `r${user}`, now: 0, tokens: 0, costNanos: 0 })
    }
    // The oldest idle keys are gone: a new reservation for user 0 finds a fresh window.
    expect(store.read({ now: 0, counters: [{ kind: 'window', key: 'u0', windowMs: 60_000, bucketMs: 1_000 }] })).toEqual([{ kind: 'window', used: 0 }])
    expect(store.read({ now: 0, counters: [{ kind: 'window', key: 'u9999', windowMs: 60_000, bucketMs: 1_000 }] })).toEqual([{ kind: 'window', used: 1 }])
  })

  it('keeps a window exact through settlements within one bucket and as its buckets expire', () => {
    const store = memoryStore()
    const t0 = Date.UTC(2026, 0, 1)
    const tpm = (amount: number) => ({ kind: 'window' as const, key: 't', measure: 'tokens' as const, amount, limit: 1_000, windowMs: 60_000, bucketMs: 1_000 })
    const used = (now: number) => store.read({ now, counters: [tpm(0)] })
    store.reserve({ id: 'a', now: t0, counters: [tpm(100)] })
    store.settle({ id: 'a', now: t0 + 10, tokens: 30, costNanos: 0 })
    expect(used(t0 + 20)).toEqual([{ kind: 'window', used: 30 }])
    expect(store.reserve({ id: 'b', now: t0 + 1_500, counters: [tpm(50)] })).toMatchObject({ counters: [{ used: 80 }] })
    expect(used(t0 + 60_999)).toEqual([{ kind: 'window', used: 80 }])
    // The first bucket leaves the window; amounts added in the current bucket count at once.
    expect(used(t0 + 61_000)).toEqual([{ kind: 'window', used: 50 }])
    store.settle({ id: 'b', now: t0 + 61_200, tokens: 70, costNanos: 0 })
    expect(used(t0 + 61_300)).toEqual([{ kind: 'window', used: 70 }])
    expect(used(t0 + 121_300)).toEqual([{ kind: 'window', used: 70 }])
    expect(used(t0 + 122_000)).toEqual([{ kind: 'window', used: 0 }])
  })

  it('refuses a reservation id that is already in flight', () => {
    const store = memoryStore()
    store.reserve({ id: 'same', now: 0, counters: [] })
    expect(() => store.reserve({ id: 'same', now: 0, counters: [] })).toThrow(/already exists/)
  })
})
