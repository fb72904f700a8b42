import { LRUCache } from 'lru-cache'
import { memoryOutputWindows } from '../estimate/memory-output-windows.js'
import { periodBounds } from './calendar-period.js'
import { checkAmount } from './check-amount.js'
import { bucketOf, windowRetryAfter, windowSum, type WindowShape } from './sliding-window.js'
import type {
  BreakerOpened,
  ChargeRequest,
  ChargeResult,
  CounterOutcome,
  CounterReading,
  CounterRequest,
  ReadRequest,
  ReserveDecision,
  ReserveRequest,
  SettleCounterOutcome,
  SettleRequest,
  SettleResult,
  Store,
} from './store.js'

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Most counters kept. The least recently used idle counter is evicted beyond it (a counter
   * with reservations in flight is never lost). An evicted budget forgets its spend, so size it
   * above the number of distinct counters alive in one budget period. Default `10_000`.
   */
  maxKeys?: number
  /** Time source (epoch ms) for requests without `now`. Default `Date.now`. */
  clock?: () => number
  /**
   * Most `charge` ids remembered (the least recently charged is forgotten beyond it; charging a
   * forgotten id again counts it again). Default `100_000`.
   */
  maxChargeIds?: number
}

/** What a window or breaker state knows of its window's sum: see {@link usedInWindow}. */
interface WindowSum {
  buckets: Map<number, number>
  /** The window's sum as of bucket `sumBucket`, kept up to date by {@link addToWindow}. */
  sum: number
  /** The current bucket when `sum` was last computed in full (`NaN`: never). */
  sumBucket: number
  /** The bucket width `sumBucket` is counted in. */
  sumBucketMs: number
  /** The window length of that computation. */
  sumWindowMs: number
}
interface WindowState extends WindowSum {
  kind: 'window'
  live: number
}
interface ConcurrencyState {
  kind: 'concurrency'
  inFlight: number
  live: number
}
interface BudgetState {
  kind: 'budget'
  periodStart: number
  periodEnd: number
  spent: number
  reserved: number
  softNotified: boolean
  live: number
}
interface BreakerState extends WindowSum {
  kind: 'breaker'
  state: 'closed' | 'open' | 'half-open'
  openUntil: number
  probeId: string | undefined
  live: number
}
type CounterState = WindowState | ConcurrencyState | BudgetState | BreakerState

interface Reservation {
  counters: readonly CounterRequest[]
  states: CounterState[]
  at: number
  periodStarts: number[]
}

function unsummed(): WindowSum {
  return { buckets: new Map(), sum: 0, sumBucket: Number.NaN, sumBucketMs: 0, sumWindowMs: 0 }
}

function createState(counter: CounterRequest, now: number): CounterState {
  switch (counter.kind) {
    case 'window':
      return { kind: 'window', ...unsummed(), live: 0 }
    case 'concurrency':
      return { kind: 'concurrency', inFlight: 0, live: 0 }
    case 'budget': {
      const bounds = periodBounds(counter.period, now)
      return { kind: 'budget', periodStart: bounds.start, periodEnd: bounds.end, spent: 0, reserved: 0, softNotified: false, live: 0 }
    }
    case 'breaker':
      return { kind: 'breaker', ...unsummed(), state: 'closed', openUntil: 0, probeId: undefined, live: 0 }
  }
}

function rollPeriod(state: BudgetState, counter: { period: BudgetCounterPeriod }, now: number): void {
  if (now < state.periodEnd) return
  const bounds = periodBounds(counter.period, now)
  state.periodStart = bounds.start
  state.periodEnd = bounds.end
  state.spent = 0
  state.reserved = 0
  state.softNotified = false
}
type BudgetCounterPeriod = Parameters<typeof periodBounds>[0]

function addToWindow(window: WindowSum, bucket: number, amount: number): void {
  if (amount === 0) return
  const buckets = window.buckets
  const next = (buckets.get(bucket) ?? 0) + amount
  if (next === 0) buckets.delete(bucket)
  else buckets.set(bucket, next)
  window.sum += amount
}

/**
 * {@link windowSum} of `window` at `now`, walking its buckets only when the current bucket (or the
 * shape) changed since the last walk: until then no bucket can have left the window (which buckets count depends
 * on the current bucket alone), and every amount added since is in `sum` already.
 */
function usedInWindow(shape: WindowShape, window: WindowSum, now: number): number {
  const current = bucketOf(shape, now)
  if (window.sumBucket !== current || window.sumBucketMs !== shape.bucketMs || window.sumWindowMs !== shape.windowMs) {
    window.sum = windowSum(shape, window.buckets, now)
    window.sumBucket = current
    window.sumBucketMs = shape.bucketMs
    window.sumWindowMs = shape.windowMs
  }
  return window.sum
}

const isAmount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0

function crossSoftLimit(state: BudgetState, softLimit: number | undefined): boolean {
  if (softLimit === undefined || state.softNotified || state.spent + state.reserved < softLimit) return false
  state.softNotified = true
  return true
}

/**
 * The in-process {@link Store}: counters in a bounded LRU map (`lru-cache`), every operation
 * synchronous (so guards admit calls synchronously), no timers. Counters are per process: use
 * a shared store (Redis) when several processes must share one budget.
 */
export function memoryStore(options: MemoryStoreOptions = {}): Store {
  const clock = options.clock ?? Date.now
  const pinned = new Map<string, CounterState>()
  const counters = new LRUCache<string, CounterState>({
    max: options.maxKeys ?? 10_000,
    dispose: (state, key, reason) => {
      if (reason === 'evict' && state.live > 0) pinned.set(key, state)
    },
  })
  const reservations = new Map<string, Reservation>()
  const charged = new LRUCache<string, true>({ max: options.maxChargeIds ?? 100_000 })

  const find = (key: string): CounterState | undefined => pinned.get(key) ?? counters.get(key)

  const stateFor = (counter: CounterRequest, now: number): CounterState => {
    const found = find(counter.key)
    if (found?.kind === counter.kind) return found
    const created = createState(counter, now)
    pinned.delete(counter.key)
    counters.set(counter.key, created)
    return created
  }

  const release = (key: string, state: CounterState): void => {
    state.live -= 1
    if (state.live === 0 && pinned.get(key) === state) {
      pinned.delete(key)
      counters.set(key, state)
    }
  }

  const reserve = (request: ReserveRequest): ReserveDecision => {
    const now = request.now ?? clock()
    if (reservations.has(request.id)) throw new Error(`finops-ai memoryStore: reservation '${request.id}' already exists`)
    const count = request.counters.length
    // The path of a bad amount is built only to be thrown.
    for (let index = 0; index < count; index++) {
      const counter = request.counters[index]!
      if (counter.kind !== 'concurrency' && !isAmount(counter.amount)) checkAmount(`counters[${index}].amount`, counter.amount)
    }
    const states: CounterState[] = []
    for (let index = 0; index < count; index++) states.push(stateFor(request.counters[index]!, now))
    let probes: boolean[] | undefined

    // Check every counter before changing any: all or nothing.
    for (let index = 0; index < count; index++) {
      const counter = request.counters[index]!
      const state = states[index]!
      if (counter.kind === 'window' && state.kind === 'window') {
        const used = usedInWindow(counter, state, now)
        if (used + counter.amount > counter.limit) {
          const retryAfterMs = windowRetryAfter(counter, state.buckets, now, counter.amount, counter.limit)
          return { allowed: false, index, used, limit: counter.limit, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }
        }
      } else if (counter.kind === 'concurrency' && state.kind === 'concurrency') {
        if (state.inFlight + 1 > counter.limit) return { allowed: false, index, used: state.inFlight, limit: counter.limit }
      } else if (counter.kind === 'budget' && state.kind === 'budget') {
        rollPeriod(state, counter, now)
        const used = state.spent + state.reserved
        if (counter.hardLimit !== undefined && used + counter.amount > counter.hardLimit) {
          const retry = counter.period === 'total' ? {} : { retryAfterMs: state.periodEnd - now }
          return { allowed: false, index, used, limit: counter.hardLimit, ...retry }
        }
      } else if (counter.kind === 'breaker' && state.kind === 'breaker') {
        const velocity = usedInWindow(counter, state, now)
        if (state.state === 'open' && now < state.openUntil) {
          return { allowed: false, index, used: velocity, limit: counter.limit, retryAfterMs: state.openUntil - now }
        }
        if (state.state === 'half-open') return { allowed: false, index, used: velocity, limit: counter.limit }
        if (state.state === 'open') (probes ??= [])[index] = true
        else if (velocity + counter.amount > counter.limit) {
          state.state = 'open'
          state.openUntil = now + counter.cooldownMs
          const opened: BreakerOpened = { index, velocity: velocity + counter.amount, until: state.openUntil }
          return { allowed: false, index, used: velocity, limit: counter.limit, retryAfterMs: counter.cooldownMs, opened }
        }
      }
    }

    const outcomes: CounterOutcome[] = []
    const periodStarts: number[] = []
    for (let index = 0; index < count; index++) {
      const counter = request.counters[index]!
      const state = states[index]!
      state.live += 1
      // A state evicted while this reservation was being checked must stay reachable (`peek`: its recency was updated by `stateFor`).
      if ((pinned.get(counter.key) ?? counters.peek(counter.key)) !== state) pinned.set(counter.key, state)
      periodStarts.push(0)
      if (counter.kind === 'window' && state.kind === 'window') {
        addToWindow(state, bucketOf(counter, now), counter.amount)
        outcomes.push({ kind: 'window', used: usedInWindow(counter, state, now) })
      } else if (counter.kind === 'concurrency' && state.kind === 'concurrency') {
        state.inFlight += 1
        outcomes.push({ kind: 'concurrency', inFlight: state.inFlight })
      } else if (counter.kind === 'budget' && state.kind === 'budget') {
        state.reserved += counter.amount
        periodStarts[index] = state.periodStart
        const softLimitCrossed = crossSoftLimit(state, counter.softLimit)
        const overSoftLimit = counter.softLimit !== undefined && state.spent + state.reserved >= counter.softLimit
        outcomes.push({
          kind: 'budget',
          spent: state.spent,
          reserved: state.reserved,
          periodStart: state.periodStart,
          periodEnd: state.periodEnd,
          softLimitCrossed,
          overSoftLimit,
        })
      } else if (counter.kind === 'breaker' && state.kind === 'breaker') {
        addToWindow(state, bucketOf(counter, now), counter.amount)
        const probe = probes?.[index] === true
        if (probe) {
          state.state = 'half-open'
          state.probeId = request.id
        }
        outcomes.push({ kind: 'breaker', velocity: usedInWindow(counter, state, now), probe })
      }
    }
    reservations.set(request.id, { counters: request.counters, states, at: now, periodStarts })
    return { allowed: true, counters: outcomes }
  }

  const settle = (request: SettleRequest): SettleResult => {
    checkAmount('tokens', request.tokens)
    checkAmount('costNanos', request.costNanos)
    const reservation = reservations.get(request.id)
    if (!reservation) return { settled: false, counters: [] }
    reservations.delete(request.id)
    const now = request.now ?? clock()
    const outcomes: SettleCounterOutcome[] = []
    let opened: BreakerOpened | undefined
    for (let index = 0; index < reservation.counters.length; index++) {
      const counter = reservation.counters[index]!
      const state = reservation.states[index]!
      if (counter.kind === 'window' && state.kind === 'window') {
        if (counter.measure !== 'requests') {
          const reservedBucket = bucketOf(counter, reservation.at)
          addToWindow(state, reservedBucket, state.buckets.has(reservedBucket) ? -counter.amount : 0)
          addToWindow(state, bucketOf(counter, now), counter.measure === 'tokens' ? request.tokens : request.costNanos)
        }
        outcomes.push({ kind: 'window', used: usedInWindow(counter, state, now) })
      } else if (counter.kind === 'concurrency' && state.kind === 'concurrency') {
        state.inFlight = Math.max(0, state.inFlight - 1)
        outcomes.push({ kind: 'concurrency', inFlight: state.inFlight })
      } else if (counter.kind === 'budget' && state.kind === 'budget') {
        rollPeriod(state, counter, now)
        if (state.periodStart === reservation.periodStarts[index]) state.reserved -= counter.amount
        state.spent += request.costNanos
        const softLimitCrossed = crossSoftLimit(state, counter.softLimit)
        outcomes.push({ kind: 'budget', spent: state.spent, reserved: state.reserved, softLimitCrossed })
      } else if (counter.kind === 'breaker' && state.kind === 'breaker') {
        const reservedBucket = bucketOf(counter, reservation.at)
        addToWindow(state, reservedBucket, state.buckets.has(reservedBucket) ? -counter.amount : 0)
        addToWindow(state, bucketOf(counter, now), request.costNanos)
        const velocity = usedInWindow(counter, state, now)
        let closed = false
        const probe = state.state === 'half-open' && state.probeId === request.id
        if ((probe || state.state === 'closed') && velocity > counter.limit) {
          state.state = 'open'
          state.openUntil = now + counter.cooldownMs
          state.probeId = undefined
          opened ??= { index, velocity, until: state.openUntil }
        } else if (probe) {
          state.state = 'closed'
          state.probeId = undefined
          closed = true
        }
        outcomes.push({ kind: 'breaker', velocity, closed })
      }
      release(counter.key, state)
    }
    return opened ? { settled: true, counters: outcomes, opened } : { settled: true, counters: outcomes }
  }

  const charge = (request: ChargeRequest): ChargeResult => {
    for (const [index, counter] of request.counters.entries()) checkAmount(`counters[${index}].amount`, counter.amount)
    if (charged.has(request.id)) return { charged: false, counters: [] }
    charged.set(request.id, true)
    const now = request.now ?? clock()
    const outcomes: ChargeResult['counters'] = []
    for (const counter of request.counters) {
      const state = stateFor(counter, now) as BudgetState
      rollPeriod(state, counter, now)
      state.spent += counter.amount
      outcomes.push({ kind: 'budget', spent: state.spent, reserved: state.reserved, softLimitCrossed: crossSoftLimit(state, counter.softLimit) })
    }
    return { charged: true, counters: outcomes }
  }

  const read = (request: ReadRequest): CounterReading[] => {
    const now = request.now ?? clock()
    return request.counters.map((counter): CounterReading => {
      const state = find(counter.key)
      switch (counter.kind) {
        case 'window':
          return { kind: 'window', used: state?.kind === 'window' ? usedInWindow(counter, state, now) : 0 }
        case 'concurrency':
          return { kind: 'concurrency', inFlight: state?.kind === 'concurrency' ? state.inFlight : 0 }
        case 'budget': {
          const bounds = periodBounds(counter.period, now)
          const current = state?.kind === 'budget' && state.periodStart === bounds.start
          return {
            kind: 'budget',
            spent: current ? state.spent : 0,
            reserved: current ? state.reserved : 0,
            periodStart: bounds.start,
            periodEnd: bounds.end,
          }
        }
        case 'breaker': {
          if (state?.kind !== 'breaker') return { kind: 'breaker', velocity: 0, state: 'closed' }
          const velocity = usedInWindow(counter, state, now)
          if (state.state === 'closed') return { kind: 'breaker', velocity, state: 'closed' }
          const open = state.state === 'open' && now < state.openUntil
          return { kind: 'breaker', velocity, state: open ? 'open' : 'half-open', openUntil: state.openUntil }
        }
      }
    })
  }

  return { reserve, settle, read, charge, recordOutputs: memoryOutputWindows() }
}
