import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FinOpsEvent } from '../engine/finops-event.js'
import type { PolicyConfig } from '../policies/policy-config.js'
import { memoryStore } from '../store/memory-store.js'
import type { Store } from '../store/store.js'
import { createGuards, type GuardsOptions } from './create-guards.js'
import type { Admission, AdmissionGranted, GuardedCall } from './guard-types.js'

const nano = 1_000_000_000
// 1 USD = 0.5 EUR, so 1 EUR = 2 USD.
const money = {
  toUsdNanos: (amount: number, currency: string) => {
    if (currency === 'USD') return Math.round(amount * nano)
    if (currency === 'EUR') return Math.round(amount * 2 * nano)
    throw new Error(`unknown currency ${currency}`)
  },
  fromUsdNanos: (nanos: number) => nanos / nano,
  currency: 'USD',
}

function setup(policies: PolicyConfig[], options: Partial<GuardsOptions> = {}, start = Date.UTC(2024, 0, 10, 12)) {
  const clock = { now: start }
  const events: FinOpsEvent[] = []
  const guards = createGuards({ policies, store: memoryStore(), emit: (event) => events.push(event), ...money, clock: () => clock.now, ...options })
  return { guards, events, clock }
}

const call = (overrides: Partial<GuardedCall> = {}): GuardedCall => ({ attribution: { user: 'ann', feature: 'chat' }, model: 'gpt-4o', estimatedTokens: 100, estimatedCostNanos: nano, ...overrides })

function granted(admission: Admission | Promise<Admission>): AdmissionGranted {
  expect(admission instanceof Promise).toBe(false)
  expect((admission as Admission).allowed).toBe(true)
  return admission as AdmissionGranted
}

function denied(admission: Admission | Promise<Admission>) {
  expect(admission instanceof Promise).toBe(false)
  const decision = admission as Admission
  if (decision.allowed) throw new Error('expected a denial')
  return decision.denial
}

describe('createGuards', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('lets calls no policy matches through without touching the store', () => {
    const { guards } = setup([{ key: 'a', match: { feature: 'other' }, limits: { max_concurrent: 1 } }])
    const admission = granted(guards.admit(call()))
    expect(admission).toMatchObject({ policyKeys: [], model: 'gpt-4o', storeDegraded: false })
    expect(admission.settle({ tokens: 1, costNanos: 1 })).toEqual({})
  })

  it('admits synchronously with the memory store', () => {
    const { guards } = setup([{ key: 'a', limits: { requests_per_minute: 5 } }])
    const admission = guards.admit(call())
    expect(admission instanceof Promise).toBe(false)
    expect(granted(admission).policyKeys).toEqual(['a'])
  })

  it('passes exactly requests_per_minute calls per window and denies the next with its retry time', () => {
    const { guards, clock } = setup([{ key: 'a', limits: { requests_per_minute: 3 } }], {}, 120_000_400)
    for (let index = 0; index < 3; index++) granted(guards.admit(call())).settle({ tokens: 0, costNanos: 0 })
    clock.now += 20_000
    expect(denied(guards.admit(call()))).toEqual({ reason: 'requests_per_minute', policy: 'a', limit: 3, current: 3, requested: 1, retryAfterMs: 40_600 })
    clock.now += 40_599
    expect(denied(guards.admit(call())).retryAfterMs).toBe(1)
    clock.now += 1
    granted(guards.admit(call()))
  })

  it('reserves estimated tokens and corrects them to the actual tokens at settlement', () => {
    const { guards } = setup([{ key: 'a', limits: { tokens_per_minute: 1000 } }])
    const first = granted(guards.admit(call({ estimatedTokens: 900 })))
    expect(denied(guards.admit(call({ estimatedTokens: 200 })))).toMatchObject({ reason: 'tokens_per_minute', limit: 1000, current: 900 })
    first.settle({ tokens: 300, costNanos: 0 })
    granted(guards.admit(call({ estimatedTokens: 700 })))
    expect(denied(guards.admit(call({ estimatedTokens: 1 }))).current).toBe(1000)
  })

  it('limits calls in flight and frees the slot at settlement', () => {
    const { guards } = setup([{ key: 'a', limits: { max_concurrent: 2 } }])
    const first = granted(guards.admit(call()))
    granted(guards.admit(call()))
    expect(denied(guards.admit(call()))).toEqual({ reason: 'concurrency', policy: 'a', limit: 2, current: 2, requested: 1 })
    first.settle({ tokens: 0, costNanos: 0 })
    granted(guards.admit(call()))
  })

  it('counts per attribution value, and calls lacking it under (none)', () => {
    const { guards } = setup([{ key: 'a', per: 'user', limits: { max_concurrent: 1 } }])
    granted(guards.admit(call({ attribution: { user: 'ann' } })))
    granted(guards.admit(call({ attribution: { user: 'bob' } })))
    granted(guards.admit(call({ attribution: {} })))
    expect(denied(guards.admit(call({ attribution: { user: '' } }))).policy).toBe('a/user=(none)')
    expect(denied(guards.admit(call({ attribution: { user: 'ann' } }))).policy).toBe('a/user=ann')
  })

  it('denies a call that would take spend over the hard budget, until the month ends', () => {
    const endOfFebruary = Date.UTC(2024, 1, 29, 23, 0)
    const { guards, clock } = setup([{ key: 'a', limits: { budget: { period: 'monthly', hard_limit_eur: 5 } } }], {}, endOfFebruary)
    granted(guards.admit(call({ estimatedCostNanos: 6 * nano }))).settle({ tokens: 0, costNanos: 9 * nano })
    expect(denied(guards.admit(call({ estimatedCostNanos: 2 * nano })))).toEqual({ reason: 'budget', policy: 'a', limit: 10, current: 9, requested: 2, currency: 'USD', retryAfterMs: 3_600_000 })
    clock.now = Date.UTC(2024, 2, 1)
    granted(guards.admit(call({ estimatedCostNanos: 10 * nano })))
  })

  it('resets a weekly budget on Monday 00:00 UTC and gives no retry time for a total budget', () => {
    const sunday = Date.UTC(2024, 2, 3, 23, 59, 59)
    const { guards, clock } = setup(
      [
        { key: 'w', match: { feature: 'w' }, limits: { budget: { period: 'weekly', hard_limit_usd: 1 } } },
        { key: 't', match: { feature: 't' }, limits: { budget: { period: 'total', hard_limit_usd: 1 } } },
      ],
      {},
      sunday,
    )
    granted(guards.admit(call({ attribution: { feature: 'w' } }))).settle({ tokens: 0, costNanos: nano })
    expect(denied(guards.admit(call({ attribution: { feature: 'w' } }))).retryAfterMs).toBe(1_000)
    granted(guards.admit(call({ attribution: { feature: 't' } }))).settle({ tokens: 0, costNanos: nano })
    expect(denied(guards.admit(call({ attribution: { feature: 't' } }))).retryAfterMs).toBeUndefined()
    clock.now = Date.UTC(2024, 2, 4)
    granted(guards.admit(call({ attribution: { feature: 'w' } })))
  })

  it('emits one soft_limit event per period and downgrades the model while over it', () => {
    const { guards, events, clock } = setup([
      { key: 'a', per: 'user', limits: { budget: { period: 'daily', soft_limit_usd: 2, hard_limit_usd: 100 } }, on_soft_limit: { downgrade: { 'gpt-4o': 'gpt-4o-mini' } } },
    ])
    expect(granted(guards.admit(call()))).toMatchObject({ model: 'gpt-4o', softLimitPolicies: [] })
    const crossing = granted(guards.admit(call()))
    expect(crossing).toMatchObject({ model: 'gpt-4o-mini', downgradedFrom: 'gpt-4o', softLimitPolicies: ['a'] })
    expect(granted(guards.admit(call()))).toMatchObject({ model: 'gpt-4o-mini', softLimitPolicies: [] })
    expect(granted(guards.admit(call({ model: 'claude' })))).toMatchObject({ model: 'claude' })
    expect(events).toEqual([{ type: 'soft_limit', policy: 'a/user=ann', key: 'ann', at: new Date(clock.now), spent: 2, softLimit: 2, currency: 'USD', period: 'daily' }])
    clock.now += 86_400_000
    expect(granted(guards.admit(call()))).toMatchObject({ model: 'gpt-4o', softLimitPolicies: [] })
  })

  it('reports a soft limit crossed at settlement and the smallest remaining hard budget', () => {
    const { guards, events } = setup([
      { key: 'a', limits: { budget: { period: 'daily', soft_limit_usd: 2, hard_limit_usd: 10 } } },
      { key: 'b', limits: { budget: { period: 'daily', hard_limit_usd: 4 } } },
    ])
    const admission = granted(guards.admit(call({ estimatedCostNanos: nano })))
    expect(admission.settle({ tokens: 10, costNanos: 3 * nano })).toEqual({ budgetRemainingNanos: nano, softLimitPolicies: ['a'] })
    expect(events.map((event) => event.type)).toEqual(['soft_limit'])
  })

  it('settles once: a second settle returns the first outcome and changes nothing', () => {
    const { guards } = setup([{ key: 'a', limits: { budget: { period: 'daily', hard_limit_usd: 10 } } }])
    const admission = granted(guards.admit(call()))
    const first = admission.settle({ tokens: 0, costNanos: 2 * nano })
    expect(admission.settle({ tokens: 0, costNanos: 5 * nano })).toBe(first)
    expect(guards.spend({ policy: 'a' })).toMatchObject({ spent: 2, reserved: 0, remaining: 8 })
  })

  it('trips the breaker, rejects during cooldown, lets one probe through and closes after it', () => {
    const { guards, events, clock } = setup([{ key: 'a', limits: { circuit_breaker: { cost_velocity_usd_per_min: 3, cooldown: '30s' } } }])
    for (let index = 0; index < 3; index++) granted(guards.admit(call())).settle({ tokens: 0, costNanos: nano })
    expect(denied(guards.admit(call()))).toEqual({ reason: 'circuit_breaker', policy: 'a', limit: 3, current: 3, requested: 1, currency: 'USD', retryAfterMs: 30_000 })
    expect(events.at(-1)).toMatchObject({ type: 'circuit_open', policy: 'a', velocity: 4, limit: 3, until: new Date(clock.now + 30_000) })
    clock.now += 29_999
    expect(denied(guards.admit(call())).retryAfterMs).toBe(1)
    clock.now += 40_001
    const probe = granted(guards.admit(call()))
    expect(denied(guards.admit(call()))).toMatchObject({ reason: 'circuit_breaker' })
    probe.settle({ tokens: 0, costNanos: nano })
    expect(events.at(-1)).toMatchObject({ type: 'circuit_closed', policy: 'a' })
    granted(guards.admit(call()))
  })

  it('reopens the breaker when the probe costs too much again', () => {
    const { guards, events, clock } = setup([{ key: 'a', limits: { circuit_breaker: { cost_velocity_usd_per_min: 3, cooldown: '2m' } } }])
    expect(denied(guards.admit(call({ estimatedCostNanos: 4 * nano }))).reason).toBe('circuit_breaker')
    clock.now += 120_000
    granted(guards.admit(call({ estimatedCostNanos: nano }))).settle({ tokens: 0, costNanos: 5 * nano })
    expect(events.map((event) => event.type)).toEqual(['circuit_open', 'circuit_open'])
    expect(denied(guards.admit(call())).retryAfterMs).toBe(120_000)
  })

  it('stops a runaway agent loop within one call of velocity × window', () => {
    const velocityUsd = 20
    const { guards, clock } = setup([{ key: 'agent', match: { feature: 'agent' }, limits: { circuit_breaker: { cost_velocity_usd_per_min: velocityUsd, cooldown: '5m' } } }])
    const costPerCall = Math.round(0.37 * nano)
    let spent = 0
    let calls = 0
    for (; calls < 10_000; calls++) {
      const admission = guards.admit(call({ attribution: { feature: 'agent' }, estimatedCostNanos: costPerCall }))
      if (!(admission as Admission).allowed) break
      ;(admission as AdmissionGranted).settle({ tokens: 500, costNanos: costPerCall })
      spent += costPerCall
      clock.now += 200
    }
    expect(calls).toBeLessThan(10_000)
    expect(Math.abs(spent - velocityUsd * nano)).toBeLessThanOrEqual(costPerCall)
  })

  it('never overspends a hard budget under 1,000 concurrent calls and ends with nothing reserved', async () => {
    const { guards } = setup([{ key: 'a', per: 'team', limits: { budget: { period: 'monthly', hard_limit_usd: 100 } } }])
    const admissions: AdmissionGranted[] = []
    let deniedCount = 0
    for (let index = 0; index < 1000; index++) {
      const admission = guards.admit(call({ attribution: { team: 'x' }, estimatedCostNanos: 250_000_000 + (index % 7) * 13_000_001 }))
      if ((admission as Admission).allowed) admissions.push(admission as AdmissionGranted)
      else deniedCount++
    }
    expect(deniedCount).toBeGreaterThan(0)
    let actualTotal = 0
    await Promise.all(
      admissions.map(async (admission, index) => {
        await new Promise((resolve) => setImmediate(resolve))
        const actual = index % 3 === 0 ? 0 : 100_000_000 + index * 7
        actualTotal += actual
        admission.settle({ tokens: 10, costNanos: actual })
      }),
    )
    const spend = guards.spend({ policy: 'a', key: 'x' })
    expect(spend).toMatchObject({ reserved: 0, spent: actualTotal / nano, hardLimit: 100, currency: 'USD' })
    expect(actualTotal).toBeLessThanOrEqual(100 * nano)
  })

  it('reports spend in the engine currency for the current period', () => {
    const { guards } = setup([{ key: 'a', per: 'user', limits: { budget: { period: 'monthly', soft_limit_eur: 1, hard_limit_eur: 5 } } }])
    granted(guards.admit(call()))
    expect(guards.spend({ policy: 'a', key: 'ann' })).toEqual({
      period: { start: new Date(Date.UTC(2024, 0, 1)), end: new Date(Date.UTC(2024, 1, 1)) },
      spent: 0,
      reserved: 1,
      remaining: 9,
      softLimit: 2,
      hardLimit: 10,
      currency: 'USD',
    })
    expect(() => guards.spend({ policy: 'missing' })).toThrow(/no policy 'missing'/)
  })

  it('fails open on a store error: the call goes through flagged, and an event is emitted', () => {
    const broken: Store = { reserve: () => { throw new Error('down') }, settle: () => { throw new Error('down') }, read: () => [] }
    const { guards, events } = setup([{ key: 'a', limits: { max_concurrent: 1 } }], { store: broken })
    const admission = granted(guards.admit(call()))
    expect(admission.storeDegraded).toBe(true)
    expect(admission.settle({ tokens: 0, costNanos: 0 })).toEqual({})
    expect(events).toMatchObject([{ type: 'store_degraded', policy: 'a' }])
  })

  /** A memory store whose reserve fails the first `failures` times, then works; charge works throughout. */
  function storeFailingReserves(failures: number) {
    const inner = memoryStore()
    const calls = { reserve: 0, charge: 0 }
    const store: Store = {
      reserve: (request) => {
        calls.reserve += 1
        if (calls.reserve <= failures) throw new Error('timeout')
        return inner.reserve(request)
      },
      settle: (request) => inner.settle(request),
      read: (request) => inner.read(request),
      charge: (request) => {
        calls.charge += 1
        return inner.charge!(request)
      },
    }
    return { store, calls }
  }

  it('charges the actual cost of a call let through unguarded to its budgets, once, when it ends', () => {
    const { store, calls } = storeFailingReserves(1)
    const { guards, events } = setup([{ key: 'a', limits: { budget: { period: 'daily', soft_limit_usd: 2, hard_limit_usd: 10 } } }], { store })
    const unguarded = granted(guards.admit(call({ estimatedCostNanos: nano })))
    expect(unguarded.storeDegraded).toBe(true)
    expect(unguarded.settle({ tokens: 10, costNanos: 3 * nano })).toEqual({ softLimitPolicies: ['a'], budgetRemainingNanos: 7 * nano })
    expect(unguarded.settle({ tokens: 10, costNanos: 3 * nano })).toEqual({ softLimitPolicies: ['a'], budgetRemainingNanos: 7 * nano })
    expect(calls.charge).toBe(1)
    expect(guards.spend({ policy: 'a' })).toMatchObject({ spent: 3, reserved: 0 })
    expect(events.map((event) => event.type)).toEqual(['store_degraded', 'soft_limit'])
    // The next call is guarded again, against a budget that counts the unguarded one.
    expect(denied(guards.admit(call({ estimatedCostNanos: 8 * nano })))).toMatchObject({ reason: 'budget', current: 3 })
  })

  it('retries charging an unguarded call while the store is down, and charges nothing for a free one', async () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 10) })
    const inner = memoryStore()
    let chargeFailures = 2
    const store: Store = {
      reserve: () => Promise.reject(new Error('timeout')),
      settle: (request) => inner.settle(request),
      read: (request) => inner.read(request),
      charge: (request) => (chargeFailures-- > 0 ? Promise.reject(new Error('timeout')) : inner.charge!(request)),
    }
    const events: FinOpsEvent[] = []
    const guards = createGuards({ policies: [{ key: 'a', limits: { budget: { period: 'daily', hard_limit_usd: 10 } } }], store, emit: (event) => events.push(event), ...money })
    const admission = await guards.admit(call())
    expect(admission).toMatchObject({ allowed: true, storeDegraded: true })
    const outcome = (admission as AdmissionGranted).settle({ tokens: 1, costNanos: 2 * nano })
    await vi.advanceTimersByTimeAsync(25 + 100)
    await expect(outcome).resolves.toEqual({ budgetRemainingNanos: 8 * nano })
    expect(await guards.spend({ policy: 'a' })).toMatchObject({ spent: 2, reserved: 0 })
    const free = (await guards.admit(call())) as AdmissionGranted
    expect(free.settle({ tokens: 0, costNanos: 0 })).toEqual({})
    expect(events.map((event) => event.type)).toEqual(['store_degraded', 'store_degraded'])
  })

  it('keeps charging an unguarded call in the background while the store is down, within the lease time after the call ended', async () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 10) })
    const inner = memoryStore()
    let down = true
    let charges = 0
    const store: Store = {
      reservationTtlMs: 60_000,
      reserve: () => Promise.reject(new Error('timeout')),
      settle: (request) => inner.settle(request),
      read: (request) => inner.read(request),
      charge: (request) => {
        charges += 1
        return down ? Promise.reject(new Error('timeout')) : inner.charge!(request)
      },
    }
    const events: FinOpsEvent[] = []
    const guards = createGuards({ policies: [{ key: 'a', limits: { budget: { period: 'daily', hard_limit_usd: 10 } } }], store, emit: (event) => events.push(event), ...money })
    const admission = (await guards.admit(call())) as AdmissionGranted
    const outcome = admission.settle({ tokens: 1, costNanos: 2 * nano })
    await vi.advanceTimersByTimeAsync(25 + 100 + 400 + 1_600)
    await expect(outcome).resolves.toEqual({})
    expect(charges).toBe(5)
    down = false
    await vi.advanceTimersByTimeAsync(5_000)
    expect(charges).toBe(6)
    expect(await guards.spend({ policy: 'a' })).toMatchObject({ spent: 2, reserved: 0 })
    expect(vi.getTimerCount()).toBe(0)
    expect(events.map((event) => event.type)).toEqual(['store_degraded', 'store_degraded'])
  })

  it('fails closed on a store error when configured, denying with reason store_unavailable', async () => {
    const broken: Store = { reserve: () => Promise.reject(new Error('timeout')), settle: () => Promise.reject(new Error('x')), read: () => [] }
    const { guards, events } = setup([{ key: 'a', limits: { max_concurrent: 1 } }], { store: broken, onStoreError: 'fail-closed' })
    await expect(guards.admit(call())).resolves.toEqual({ allowed: false, denial: { reason: 'store_unavailable', policy: 'a', limit: 0, current: 0 } })
    expect(events).toHaveLength(1)
  })

  it('fails closed on a store error in checkBudgets with reason store_unavailable', async () => {
    const broken: Store = { reserve: () => Promise.reject(new Error('x')), settle: () => Promise.reject(new Error('x')), read: () => Promise.reject(new Error('timeout')) }
    const { guards, events } = setup([{ key: 'a', limits: { budget: { period: 'daily', hard_limit_usd: 5 } } }], { store: broken, onStoreError: 'fail-closed' })
    await expect(guards.checkBudgets({ attribution: { user: 'ann' }, costNanos: 1 })).resolves.toEqual({ reason: 'store_unavailable', policy: 'a', limit: 0, current: 0 })
    expect(events).toMatchObject([{ type: 'store_degraded', policy: 'a' }])
  })

  it('swallows settlement failures and emits them', async () => {
    const store = memoryStore()
    const flaky: Store = { reserve: (request) => store.reserve(request), settle: () => Promise.reject(new Error('lost')), read: (request) => store.read(request) }
    const { guards, events } = setup([{ key: 'a', limits: { max_concurrent: 1 } }], { store: flaky })
    await expect(granted(guards.admit(call())).settle({ tokens: 1, costNanos: 1 })).resolves.toEqual({})
    expect(events).toMatchObject([{ type: 'store_degraded' }])
  })

  /** A memory store with a 60 s lease whose settle fails `failures` times (before applying it), then works. */
  function storeFailingSettles(failures: number) {
    const inner = memoryStore()
    const calls = { settle: 0 }
    const store: Store = {
      reservationTtlMs: 60_000,
      reserve: (request) => inner.reserve(request),
      settle: (request) => {
        calls.settle += 1
        return calls.settle <= failures ? Promise.reject(new Error('connection lost')) : inner.settle(request)
      },
      read: (request) => inner.read(request),
    }
    return { store, calls }
  }

  it('keeps retrying a failed settle in the background until the store answers, freeing the slot', async () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 10) })
    // 5 failures take the first four retries (about 2 s); the sixth attempt, 5 s later, succeeds.
    const { store, calls } = storeFailingSettles(5)
    const events: FinOpsEvent[] = []
    const guards = createGuards({ policies: [{ key: 'a', limits: { max_concurrent: 1 } }], store, emit: (event) => events.push(event), ...money })
    const outcome = granted(guards.admit(call())).settle({ tokens: 1, costNanos: 1 })
    await vi.advanceTimersByTimeAsync(25 + 100 + 400 + 1_600)
    await expect(outcome).resolves.toEqual({})
    expect(events).toMatchObject([{ type: 'store_degraded', policy: 'a' }])
    expect(denied(guards.admit(call())).reason).toBe('concurrency')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(calls.settle).toBe(6)
    granted(guards.admit(call()))
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stops retrying a failed settle when the lease ends, with a last store_degraded', async () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 10) })
    const { store, calls } = storeFailingSettles(Number.POSITIVE_INFINITY)
    const events: FinOpsEvent[] = []
    const guards = createGuards({ policies: [{ key: 'a', limits: { max_concurrent: 1 } }], store, emit: (event) => events.push(event), ...money })
    void granted(guards.admit(call())).settle({ tokens: 1, costNanos: 1 })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(vi.getTimerCount()).toBe(0)
    // Five quick attempts, then one every 5 s while a retry can still land before the lease ends.
    expect(calls.settle).toBeGreaterThan(5 + 10)
    expect(calls.settle).toBeLessThanOrEqual(5 + 12)
    expect(events).toMatchObject([{ type: 'store_degraded' }, { type: 'store_degraded' }])
  })

  it('keeps working when emit throws', () => {
    const { guards } = setup([{ key: 'a', limits: { budget: { period: 'daily', soft_limit_usd: 1 } } }], { emit: () => { throw new Error('bad listener') } })
    expect(granted(guards.admit(call())).softLimitPolicies).toEqual(['a'])
  })

  it('makes waiting calls wait FIFO for a concurrency slot', async () => {
    const { guards } = setup([{ key: 'a', onLimit: 'wait', limits: { max_concurrent: 1 } }])
    const first = granted(guards.admit(call()))
    const order: string[] = []
    const second = guards.admit(call({ model: 'second' }))
    const third = guards.admit(call({ model: 'third' }))
    expect(second).toBeInstanceOf(Promise)
    void Promise.resolve(second).then((admission) => {
      order.push((admission as AdmissionGranted).model)
      ;(admission as AdmissionGranted).settle({ tokens: 0, costNanos: 0 })
    })
    void Promise.resolve(third).then((admission) => order.push((admission as AdmissionGranted).model))
    first.settle({ tokens: 0, costNanos: 0 })
    await Promise.resolve(third)
    expect(order).toEqual(['second', 'third'])
  })

  it('gives up waiting after maxWaitMs and returns the denial', async () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 10) })
    const guards = createGuards({ policies: [{ key: 'a', onLimit: 'wait', maxWaitMs: '2s', limits: { max_concurrent: 1 } }], store: memoryStore(), emit: () => {}, ...money })
    granted(guards.admit(call()))
    const waiting = guards.admit(call())
    await vi.advanceTimersByTimeAsync(2_000)
    await expect(waiting).resolves.toMatchObject({ allowed: false, denial: { reason: 'concurrency' } })
  })

  it('waits out a requests_per_minute denial shorter than maxWaitMs', async () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 10, 0, 0, 0, 500) })
    const guards = createGuards({ policies: [{ key: 'a', onLimit: 'wait', maxWaitMs: '61s', limits: { requests_per_minute: 1 } }], store: memoryStore(), emit: () => {}, ...money })
    granted(guards.admit(call()))
    const waiting = guards.admit(call())
    expect(waiting).toBeInstanceOf(Promise)
    await vi.advanceTimersByTimeAsync(60_499)
    expect(await Promise.race([waiting, 'pending'])).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    await expect(waiting).resolves.toMatchObject({ allowed: true })
  })

  it('reports an unknown currency in a policy as a ConfigError with its path', () => {
    expect(() => setup([{ key: 'a', limits: { budget: { period: 'daily', hard_limit_gbp: 1 } } }])).toThrow(/policies\[0\]\.limits\.budget\.hard_limit: unknown currency GBP/)
  })
})
