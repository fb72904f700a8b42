import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryStore } from '../store/memory-store.js'
import type { Store } from '../store/store.js'
import { createGuards } from './create-guards.js'
import type { Admission, AdmissionGranted } from './guard-types.js'
import { createWaitQueue } from './wait-queue.js'

const money = { toUsdNanos: (amount: number) => Math.round(amount * 1e9), fromUsdNanos: (nanos: number) => nanos / 1e9, currency: 'USD' }
const call = (model: string) => ({ attribution: { user: 'ann' }, model, estimatedTokens: 1, estimatedCostNanos: 1 })

/** A memory store that counts reserve attempts; `async` answers through promises like a remote store. */
function countingStore(async: boolean) {
  const inner = memoryStore()
  const counts = { reserve: 0 }
  const answer = <T>(value: T) => (async ? Promise.resolve(value) : value)
  const store: Store = {
    reserve: (request) => {
      counts.reserve += 1
      return answer(inner.reserve(request))
    },
    settle: (request) => answer(inner.settle(request)),
    read: (request) => inner.read(request),
  }
  return { store, counts }
}

/** Queues `n` calls behind `max_concurrent: 4`, each settling once admitted; returns admission order. */
async function drainQueue(store: Store, n: number) {
  const guards = createGuards({ policies: [{ key: 'a', onLimit: 'wait', maxWaitMs: '10m', limits: { max_concurrent: 4 } }], store, emit: () => {}, ...money })
  const order: string[] = []
  const admissions = Array.from({ length: n }, (_, at) => Promise.resolve(guards.admit(call(String(at)))))
  const settled = admissions.map((admission) =>
    admission.then(async (decision: Admission) => {
      expect(decision.allowed).toBe(true)
      order.push((decision as AdmissionGranted).model)
      await (decision as AdmissionGranted).settle({ tokens: 1, costNanos: 1 })
    }),
  )
  await Promise.all(settled)
  return order
}

describe('createWaitQueue', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it.each([
    ['synchronous', false],
    ['asynchronous', true],
  ])('admits 2,000 waiters behind max_concurrent 4 in FIFO order with O(n) reserve attempts (%s store)', async (_, async) => {
    const { store, counts } = countingStore(async)
    const order = await drainQueue(store, 2_000)
    expect(order).toEqual(Array.from({ length: 2_000 }, (_, at) => String(at)))
    // One first attempt per call, then one retry per freed slot plus at most one denied retry per release.
    expect(counts.reserve).toBeLessThanOrEqual(2 * 2_000 + 4)
  })

  it('returns the last denial at the deadline, without retrying in between', async () => {
    let now = 0
    const queue = createWaitQueue(() => now)
    let attempts = 0
    const denied = { allowed: false as const, denial: { reason: 'concurrency' as const, policy: 'a', limit: 1, current: 1 } }
    now = 1_000
    const waiting = queue.wait(() => (attempts += 1, denied), denied, 1, queue.releases)
    await expect(waiting).resolves.toBe(denied)
    expect(attempts).toBe(0)
    expect(queue.size).toBe(0)
  })

  it('does not spin on a deadline beyond the longest timer (maxWaitMs 3e9)', async () => {
    vi.useFakeTimers({ now: 0 })
    const queue = createWaitQueue(Date.now)
    let attempts = 0
    const denied = { allowed: false as const, denial: { reason: 'concurrency' as const, policy: 'a', limit: 1, current: 1 } }
    void queue.wait(() => (attempts += 1, denied), denied, 3e9, queue.releases)
    await vi.advanceTimersByTimeAsync(500)
    expect(attempts).toBe(0)
    expect(vi.getTimerCount()).toBe(1)
    expect(queue.size).toBe(1)
  })

  it('retries at once a call denied before a release that it did not see', async () => {
    const queue = createWaitQueue(() => 0)
    const denied = { allowed: false as const, denial: { reason: 'concurrency' as const, policy: 'a', limit: 1, current: 1 } }
    const seen = queue.releases
    queue.wake()
    const allowed: Admission = { allowed: true, policyKeys: ['a'], model: 'm', softLimitPolicies: [], storeDegraded: false, settle: () => ({}) }
    await expect(queue.wait(() => allowed, denied, 60_000, seen)).resolves.toBe(allowed)
  })
})
