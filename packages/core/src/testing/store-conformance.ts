import type { BudgetCounter, ChargeRequest, CounterRequest, Store } from '../store/store.js'

/** The test functions the suite needs: pass vitest's (or any compatible runner's). */
export interface ConformanceRunner {
  describe: (name: string, body: () => void) => void
  it: (name: string, body: () => unknown) => void
  expect: (value: unknown) => {
    toBe(expected: unknown): void
    toEqual(expected: unknown): void
    toMatchObject(expected: Record<string, unknown> | unknown[]): void
    toBeGreaterThan(expected: number): void
    toBeLessThanOrEqual(expected: number): void
    toBeUndefined(): void
  }
}

/** Options of {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  /**
   * The store honours the request's `now` (in-process stores). Stores on server time set `false`:
   * tests that move time are skipped. Default `true`.
   */
  controllableTime?: boolean
  /** The store evicts beyond a small `maxKeys` made by `makeStore` (the eviction test runs). Default `false`. */
  evictsBeyond?: number
  /** The store implements `charge` (optional in the `Store` contract); `false` skips its cases. Default `true`. */
  charges?: boolean
  /** The store implements `recordOutputs` (optional in the `Store` contract); `false` skips its cases. Default `true`. */
  recordsOutputs?: boolean
}

const minute = { windowMs: 60_000, bucketMs: 1_000 }
// A fixed Monday 2024-01-01T10:00:00.000Z keeps period boundaries predictable.
const t0 = Date.UTC(2024, 0, 1, 10)

const rpm = (key: string, limit: number): CounterRequest => ({ kind: 'window', key, measure: 'requests', amount: 1, limit, ...minute })
const tpm = (key: string, amount: number, limit: number): CounterRequest => ({ kind: 'window', key, measure: 'tokens', amount, limit, ...minute })
const budget = (key: string, amount: number, hardLimit?: number, softLimit?: number): CounterRequest => ({
  kind: 'budget',
  key,
  period: 'monthly',
  amount,
  ...(hardLimit !== undefined && { hardLimit }),
  ...(softLimit !== undefined && { softLimit }),
})
const budgetCharge = (key: string, amount: number, hardLimit?: number, softLimit?: number): BudgetCounter => ({
  kind: 'budget',
  key,
  period: 'monthly',
  amount,
  ...(hardLimit !== undefined && { hardLimit }),
  ...(softLimit !== undefined && { softLimit }),
})
const breaker = (key: string, amount: number, limit: number): CounterRequest => ({ kind: 'breaker', key, amount, limit, cooldownMs: 30_000, ...minute })

/**
 * The one conformance suite every {@link Store} passes. It exercises each operation: all-or-nothing
 * reservation across counters, refunds, idempotent settlement, rolling windows and calendar periods
 * with a controlled `now`, concurrency slots, breaker states, idempotent charges of spend billed
 * after the fact, and (optionally) eviction that keeps live reservations. `makeStore` runs once per test; the runner's functions are passed in, so the
 * suite has no hard dependency on vitest.
 */
export function runStoreConformance(
  name: string,
  makeStore: () => Store | Promise<Store>,
  runner: ConformanceRunner,
  options: StoreConformanceOptions = {},
): void {
  const { describe, it, expect } = runner
  const timed = options.controllableTime !== false
  const timedIt = (title: string, body: () => unknown): void => {
    if (timed) it(title, body)
  }
  let ids = 0
  const id = (): string => `conformance-${++ids}`

  describe(`${name} store conformance`, () => {
    it('reserves every counter when all have room', async () => {
      const store = await makeStore()
      const decision = await store.reserve({ id: id(), now: t0, counters: [rpm('a:rpm', 2), { kind: 'concurrency', key: 'a:c', limit: 1 }, budget('a:b', 500, 1000)] })
      expect(decision).toMatchObject({ allowed: true, counters: [{ kind: 'window', used: 1 }, { kind: 'concurrency', inFlight: 1 }, { kind: 'budget', spent: 0, reserved: 500 }] })
    })

    it('reserves nothing when one counter denies', async () => {
      const store = await makeStore()
      const denied = await store.reserve({ id: id(), now: t0, counters: [rpm('b:rpm', 5), budget('b:b', 2000, 1000), { kind: 'concurrency', key: 'b:c', limit: 3 }] })
      expect(denied).toMatchObject({ allowed: false, index: 1, used: 0, limit: 1000 })
      const readings = await store.read({ now: t0, counters: [{ kind: 'window', key: 'b:rpm', ...minute }, { kind: 'budget', key: 'b:b', period: 'monthly' }, { kind: 'concurrency', key: 'b:c' }] })
      expect(readings).toMatchObject([{ used: 0 }, { spent: 0, reserved: 0 }, { inFlight: 0 }])
    })

    it('settles a refund when actual cost is below the reservation', async () => {
      const store = await makeStore()
      const reservation = id()
      await store.reserve({ id: reservation, now: t0, counters: [budget('c:b', 800, 1000)] })
      const result = await store.settle({ id: reservation, now: t0 + 10, tokens: 0, costNanos: 300 })
      expect(result).toMatchObject({ settled: true, counters: [{ kind: 'budget', spent: 300, reserved: 0 }] })
      expect(await store.reserve({ id: id(), now: t0 + 20, counters: [budget('c:b', 700, 1000)] })).toMatchObject({ allowed: true })
    })

    it('charges the actual cost when it exceeds the reservation', async () => {
      const store = await makeStore()
      const reservation = id()
      await store.reserve({ id: reservation, now: t0, counters: [budget('d:b', 100, 1000)] })
      expect(await store.settle({ id: reservation, now: t0, tokens: 0, costNanos: 900 })).toMatchObject({ counters: [{ spent: 900, reserved: 0 }] })
    })

    it('settles each reservation once: a repeated settle changes nothing', async () => {
      const store = await makeStore()
      const reservation = id()
      await store.reserve({ id: reservation, now: t0, counters: [budget('e:b', 100), { kind: 'concurrency', key: 'e:c', limit: 2 }] })
      await store.settle({ id: reservation, now: t0, tokens: 0, costNanos: 100 })
      expect(await store.settle({ id: reservation, now: t0, tokens: 0, costNanos: 100 })).toMatchObject({ settled: false })
      expect(await store.read({ now: t0, counters: [{ kind: 'budget', key: 'e:b', period: 'monthly' }, { kind: 'concurrency', key: 'e:c' }] })).toMatchObject([
        { spent: 100, reserved: 0 },
        { inFlight: 0 },
      ])
    })

    it('ignores the settlement of an unknown reservation', async () => {
      const store = await makeStore()
      expect(await store.settle({ id: 'never-reserved', now: t0, tokens: 5, costNanos: 5 })).toMatchObject({ settled: false })
    })

    it('frees a concurrency slot at settlement', async () => {
      const store = await makeStore()
      const first = id()
      const slot: CounterRequest = { kind: 'concurrency', key: 'f:c', limit: 1 }
      expect(await store.reserve({ id: first, now: t0, counters: [slot] })).toMatchObject({ allowed: true })
      expect(await store.reserve({ id: id(), now: t0, counters: [slot] })).toMatchObject({ allowed: false, index: 0, used: 1, limit: 1 })
      await store.settle({ id: first, now: t0, tokens: 0, costNanos: 0 })
      expect(await store.reserve({ id: id(), now: t0, counters: [slot] })).toMatchObject({ allowed: true })
    })

    it('releases tokens, money and slot when a failed call settles zero', async () => {
      const store = await makeStore()
      const reservation = id()
      const counters = [tpm('g:tpm', 900, 1000), budget('g:b', 900, 1000), { kind: 'concurrency', key: 'g:c', limit: 1 } as CounterRequest]
      await store.reserve({ id: reservation, now: t0, counters })
      await store.settle({ id: reservation, now: t0 + 5, tokens: 0, costNanos: 0 })
      expect(await store.reserve({ id: id(), now: t0 + 10, counters })).toMatchObject({ allowed: true })
    })

    it('rejects amounts that are not non-negative safe integers with a RangeError before any state change', async () => {
      const store = await makeStore()
      const rangeError = async (operation: () => unknown): Promise<boolean> => {
        try {
          await operation()
          return false
        } catch (error) {
          return error instanceof RangeError
        }
      }
      const slot: CounterRequest = { kind: 'concurrency', key: 'bad:c', limit: 1 }
      for (const bad of [-1000, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
        expect(await rangeError(() => store.reserve({ id: id(), now: t0, counters: [slot, budget('bad:b', bad, 1000)] }))).toBe(true)
      }
      const reservation = id()
      await store.reserve({ id: reservation, now: t0, counters: [slot, budget('bad:b', 100, 1000), tpm('bad:tpm', 100, 1000)] })
      for (const bad of [-5000, 1e300, Number.POSITIVE_INFINITY, 2 ** 60]) {
        expect(await rangeError(() => store.settle({ id: reservation, now: t0, tokens: 10, costNanos: bad }))).toBe(true)
        expect(await rangeError(() => store.settle({ id: reservation, now: t0, tokens: bad, costNanos: 10 }))).toBe(true)
        if (options.charges !== false) expect(await rangeError(() => store.charge!({ id: id(), now: t0, counters: [budgetCharge('bad:b', bad)] }))).toBe(true)
      }
      const readings = [{ kind: 'budget', key: 'bad:b', period: 'monthly' }, { kind: 'concurrency', key: 'bad:c' }] as const
      expect(await store.read({ now: t0, counters: readings })).toMatchObject([{ spent: 0, reserved: 100 }, { inFlight: 1 }])
      // The reservation survived the rejected settlements: a valid one still settles it and frees the slot.
      expect(await store.settle({ id: reservation, now: t0, tokens: 10, costNanos: 10 })).toMatchObject({ settled: true })
      expect(await store.read({ now: t0, counters: readings })).toMatchObject([{ spent: 10, reserved: 0 }, { inFlight: 0 }])
    })

    timedIt('lets exactly the limit through per window and says when the next fits', async () => {
      const store = await makeStore()
      const start = t0 + 250
      for (let call = 0; call < 3; call++) expect(await store.reserve({ id: id(), now: start, counters: [rpm('h:rpm', 3)] })).toMatchObject({ allowed: true })
      const denied = await store.reserve({ id: id(), now: start + 30_000, counters: [rpm('h:rpm', 3)] })
      // Entries of bucket [t0, t0 + 1 s) count until t0 + 61 s.
      expect(denied).toMatchObject({ allowed: false, used: 3, limit: 3, retryAfterMs: 61_000 - 30_250 })
      expect(await store.reserve({ id: id(), now: t0 + 61_000, counters: [rpm('h:rpm', 3)] })).toMatchObject({ allowed: true })
    })

    timedIt('corrects a token reservation with the actual tokens at settlement', async () => {
      const store = await makeStore()
      const reservation = id()
      await store.reserve({ id: reservation, now: t0, counters: [tpm('i:tpm', 800, 1000)] })
      expect(await store.reserve({ id: id(), now: t0, counters: [tpm('i:tpm', 300, 1000)] })).toMatchObject({ allowed: false, used: 800 })
      await store.settle({ id: reservation, now: t0 + 2_000, tokens: 100, costNanos: 0 })
      expect(await store.read({ now: t0 + 2_000, counters: [{ kind: 'window', key: 'i:tpm', ...minute }] })).toEqual([{ kind: 'window', used: 100 }])
    })

    timedIt('starts a fresh budget at the UTC calendar boundary', async () => {
      const store = await makeStore()
      const end = Date.UTC(2024, 1, 29, 23, 59, 59, 999)
      const reservation = id()
      await store.reserve({ id: reservation, now: end, counters: [budget('j:b', 1000, 1000)] })
      await store.settle({ id: reservation, now: end, tokens: 0, costNanos: 1000 })
      expect(await store.reserve({ id: id(), now: end, counters: [budget('j:b', 1, 1000)] })).toMatchObject({ allowed: false, retryAfterMs: 1 })
      expect(await store.reserve({ id: id(), now: end + 1, counters: [budget('j:b', 1000, 1000)] })).toMatchObject({
        allowed: true,
        counters: [{ periodStart: Date.UTC(2024, 2, 1), periodEnd: Date.UTC(2024, 3, 1) }],
      })
    })

    it('reports the soft limit crossing once per period', async () => {
      const store = await makeStore()
      const crossings: boolean[] = []
      for (let call = 0; call < 3; call++) {
        const decision = await store.reserve({ id: id(), now: t0, counters: [budget('k:b', 400, undefined, 500)] })
        if (decision.allowed && decision.counters[0]?.kind === 'budget') crossings.push(decision.counters[0].softLimitCrossed)
      }
      expect(crossings).toEqual([false, true, false])
    })

    timedIt('trips the breaker, cools down, admits one probe and closes after it', async () => {
      const store = await makeStore()
      const first = id()
      await store.reserve({ id: first, now: t0, counters: [breaker('l:br', 600, 1000)] })
      await store.settle({ id: first, now: t0, tokens: 0, costNanos: 600 })
      const tripped = await store.reserve({ id: id(), now: t0 + 1, counters: [breaker('l:br', 600, 1000)] })
      expect(tripped).toMatchObject({ allowed: false, retryAfterMs: 30_000, opened: { index: 0, velocity: 1200, until: t0 + 30_001 } })
      expect(await store.reserve({ id: id(), now: t0 + 10_000, counters: [breaker('l:br', 1, 1000)] })).toMatchObject({ allowed: false, retryAfterMs: 20_001 })
      const probe = id()
      expect(await store.reserve({ id: probe, now: t0 + 70_000, counters: [breaker('l:br', 100, 1000)] })).toMatchObject({ allowed: true, counters: [{ probe: true }] })
      expect(await store.reserve({ id: id(), now: t0 + 70_001, counters: [breaker('l:br', 1, 1000)] })).toMatchObject({ allowed: false })
      expect(await store.settle({ id: probe, now: t0 + 70_002, tokens: 0, costNanos: 100 })).toMatchObject({ counters: [{ kind: 'breaker', closed: true }] })
      expect(await store.read({ now: t0 + 70_003, counters: [{ kind: 'breaker', key: 'l:br', ...minute }] })).toMatchObject([{ state: 'closed' }])
    })

    timedIt('reopens the breaker when the probe pushes velocity over the limit again', async () => {
      const store = await makeStore()
      await store.reserve({ id: id(), now: t0, counters: [breaker('m:br', 2000, 1000)] })
      const probe = id()
      expect(await store.reserve({ id: probe, now: t0 + 30_000, counters: [breaker('m:br', 10, 1000)] })).toMatchObject({ allowed: true })
      const reopened = await store.settle({ id: probe, now: t0 + 90_000, tokens: 0, costNanos: 1500 })
      expect(reopened).toMatchObject({ opened: { index: 0, velocity: 1500, until: t0 + 120_000 } })
    })

    if (options.charges !== false) {
      const charge = async (store: Store, request: ChargeRequest) => {
        if (store.charge === undefined) throw new Error('the store has no charge(): pass { charges: false }')
        return store.charge(request)
      }

      it('charges spend billed after the fact without denying, even beyond the hard limit', async () => {
        const store = await makeStore()
        const reservation = id()
        await store.reserve({ id: reservation, now: t0, counters: [budget('n:b', 300, 1000)] })
        const result = await charge(store, { id: id(), now: t0, counters: [budgetCharge('n:b', 1500, 1000)] })
        expect(result).toEqual({ charged: true, counters: [{ kind: 'budget', spent: 1500, reserved: 300, softLimitCrossed: false }] })
        expect(await store.reserve({ id: id(), now: t0, counters: [budget('n:b', 1, 1000)] })).toMatchObject({ allowed: false, used: 1800 })
        expect(await store.settle({ id: reservation, now: t0, tokens: 0, costNanos: 100 })).toMatchObject({ counters: [{ spent: 1600, reserved: 0 }] })
      })

      it('charges each id once: a repeated charge changes nothing', async () => {
        const store = await makeStore()
        const work = id()
        await charge(store, { id: work, now: t0, counters: [budgetCharge('o:b', 400)] })
        expect(await charge(store, { id: work, now: t0, counters: [budgetCharge('o:b', 400)] })).toEqual({ charged: false, counters: [] })
        expect(await store.read({ now: t0, counters: [{ kind: 'budget', key: 'o:b', period: 'monthly' }] })).toMatchObject([{ spent: 400, reserved: 0 }])
      })

      it('remembers a charged id without budgets', async () => {
        const store = await makeStore()
        const work = id()
        expect(await charge(store, { id: work, now: t0, counters: [] })).toEqual({ charged: true, counters: [] })
        expect(await charge(store, { id: work, now: t0, counters: [budgetCharge('p:b', 10)] })).toEqual({ charged: false, counters: [] })
      })

      it('reports the soft limit crossing once per period when charging', async () => {
        const store = await makeStore()
        const crossings: boolean[] = []
        for (let call = 0; call < 3; call++) {
          const result = await charge(store, { id: id(), now: t0, counters: [budgetCharge('q:b', 400, undefined, 500)] })
          crossings.push(result.counters[0]!.softLimitCrossed)
        }
        expect(crossings).toEqual([false, true, false])
      })

      timedIt('charges the period current at the charge time', async () => {
        const store = await makeStore()
        await charge(store, { id: id(), now: Date.UTC(2024, 0, 31, 23), counters: [budgetCharge('r:b', 700)] })
        await charge(store, { id: id(), now: Date.UTC(2024, 1, 1, 1), counters: [budgetCharge('r:b', 200)] })
        expect(await store.read({ now: Date.UTC(2024, 1, 2), counters: [{ kind: 'budget', key: 'r:b', period: 'monthly' }] })).toMatchObject([
          { spent: 200, periodStart: Date.UTC(2024, 1, 1) },
        ])
      })
    }

    if (options.recordsOutputs !== false) {
      const recordOutputs = async (store: Store, key: string, tokens: number[], window = 3) => {
        if (store.recordOutputs === undefined) throw new Error('the store has no recordOutputs(): pass { recordsOutputs: false }')
        return store.recordOutputs({ key, tokens, window })
      }

      it('keeps the most recent output counts of a key, oldest first, and reads without changing them', async () => {
        const store = await makeStore()
        expect(await recordOutputs(store, 'o1', [])).toEqual([])
        expect(await recordOutputs(store, 'o1', [10, 20])).toEqual([10, 20])
        expect(await recordOutputs(store, 'o1', [30, 40])).toEqual([20, 30, 40])
        expect(await recordOutputs(store, 'o1', [])).toEqual([20, 30, 40])
        expect(await recordOutputs(store, 'o1', [1, 2, 3, 4, 5], 2)).toEqual([4, 5])
        expect(await recordOutputs(store, 'o2', [7])).toEqual([7])
      })

      it('rejects a bad window or count with a RangeError before any change', async () => {
        const store = await makeStore()
        await recordOutputs(store, 'o3', [5])
        for (const [tokens, window] of [[[-1], 3], [[1.5], 3], [[Number.MAX_SAFE_INTEGER + 1], 3], [[1], 0], [[1], 2.5]] as const) {
          const failed = await Promise.resolve()
            .then(() => recordOutputs(store, 'o3', [...tokens], window))
            .then(() => undefined, (error: unknown) => error)
          expect(failed instanceof RangeError).toBe(true)
        }
        expect(await recordOutputs(store, 'o3', [])).toEqual([5])
      })
    }

    if (options.evictsBeyond !== undefined) {
      const limit = options.evictsBeyond
      it('keeps counters with live reservations when idle ones are evicted', async () => {
        const store = await makeStore()
        const live = id()
        await store.reserve({ id: live, now: t0, counters: [budget('live:b', 700, 1000), { kind: 'concurrency', key: 'live:c', limit: 1 }] })
        for (let key = 0; key < limit * 3; key++) await store.reserve({ id: id(), now: t0, counters: [rpm(`idle-${key}`, 10)] })
        expect(await store.reserve({ id: id(), now: t0, counters: [{ kind: 'concurrency', key: 'live:c', limit: 1 }] })).toMatchObject({ allowed: false })
        expect(await store.settle({ id: live, now: t0, tokens: 0, costNanos: 400 })).toMatchObject({ counters: [{ spent: 400, reserved: 0 }, { inFlight: 0 }] })
      })
    }
  })
}
