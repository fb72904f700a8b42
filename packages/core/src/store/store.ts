import type { BudgetPeriod } from './calendar-period.js'

/**
 * A value now (in-process stores) or later (remote stores). Guards stay synchronous when the
 * store is: with `memoryStore()` every operation returns a plain value.
 */
export type MaybePromise<T> = T | Promise<T>

/** What a rolling-window counter measures; it decides what replaces the reservation at settlement. */
export type WindowMeasure = 'requests' | 'tokens' | 'cost'

/**
 * A rolling-window sum (`requests_per_minute`, `tokens_per_minute`) kept in sub-buckets; see
 * `sliding-window.ts` for the exact error bound (never under-counts; forgets an amount between
 * `windowMs` and `windowMs + bucketMs` after it happened).
 *
 * Reserve adds `amount` at the reservation time and denies when `used + amount > limit`.
 * Settle removes the reserved amount from its bucket (when that bucket still counts) and adds the
 * actual amount at settlement time: actual tokens for `tokens`, actual cost for `cost`; `requests`
 * counters keep their 1 (a sent request counts even when it fails).
 */
export interface WindowCounter {
  kind: 'window'
  /** Counter key, unique per policy counter, e.g. `support-rag/user=k.herings:rpm`. */
  key: string
  measure: WindowMeasure
  /** What this call adds now (1 request, estimated tokens, estimated cost in nano-USD). */
  amount: number
  limit: number
  windowMs: number
  bucketMs: number
}

/** Calls in flight (`max_concurrent`): reserve takes a slot when `inFlight < limit`, settle frees it. */
export interface ConcurrencyCounter {
  kind: 'concurrency'
  key: string
  limit: number
}

/**
 * Money per UTC calendar period (nano-USD). The store computes the period from its own clock
 * (`now` of the request for in-process stores, server time for remote ones) and starts a fresh
 * period when the stored one ended.
 *
 * Reserve denies when `spent + reserved + amount > hardLimit`; it reports `softLimitCrossed`
 * for the one reservation (or settlement) per period that first brings `spent + reserved` to
 * `softLimit` or above. Settle moves the reservation to `spent` at its actual cost. A call that
 * straddles a period boundary is charged to the period in which it settles.
 */
export interface BudgetCounter {
  kind: 'budget'
  key: string
  period: BudgetPeriod
  /** Estimated cost in nano-USD. */
  amount: number
  /** Deny above this (nano-USD); absent: never deny. */
  hardLimit?: number
  /** Report the first crossing of this (nano-USD) per period; absent: never. */
  softLimit?: number
}

/**
 * A cost-velocity circuit breaker with its own rolling window of cost (reserved + settled).
 *
 * Closed: reserve trips it (state `open` until `now + cooldownMs`, reported as `opened`) and
 * denies when `velocity + amount > limit`; settle trips it when the velocity after the actual cost
 * exceeds `limit`. Open: every reserve is denied until the cooldown ends. Then the first
 * reservation that is otherwise allowed becomes the one probe (half-open; others are denied
 * while it is in flight). The probe's settlement closes the breaker when the velocity is within
 * `limit`, and reopens it otherwise.
 */
export interface BreakerCounter {
  kind: 'breaker'
  key: string
  /** Estimated cost in nano-USD. */
  amount: number
  /** Velocity limit: nano-USD per `windowMs`. */
  limit: number
  cooldownMs: number
  windowMs: number
  bucketMs: number
}

/** One counter a reservation touches. */
export type CounterRequest = WindowCounter | ConcurrencyCounter | BudgetCounter | BreakerCounter

/** Reserve every counter or none. */
export interface ReserveRequest {
  /** Unique reservation id; settle refers to it. */
  id: string
  /** Caller's time (epoch ms). In-process stores use it (default `Date.now()`); remote stores use server time. */
  now?: number
  counters: readonly CounterRequest[]
}

/** What one counter looks like after an allowed reservation, by `kind`. */
export type CounterOutcome =
  | { kind: 'window'; used: number }
  | { kind: 'concurrency'; inFlight: number }
  | {
      kind: 'budget'
      spent: number
      reserved: number
      periodStart: number
      periodEnd: number
      /** True for the one reservation per period that first reached the soft limit. */
      softLimitCrossed: boolean
      /** True while `spent + reserved >= softLimit` in this period. */
      overSoftLimit: boolean
    }
  | { kind: 'breaker'; velocity: number; probe: boolean }

/** A breaker that opened during an operation. */
export interface BreakerOpened {
  /** Index of the breaker counter in the request (reserve) or reservation (settle). */
  index: number
  /** Velocity (nano-USD per window) that tripped it. */
  velocity: number
  /** Epoch ms when it half-opens. */
  until: number
}

/** Every counter was reserved. */
export interface ReserveAllowed {
  allowed: true
  /** One outcome per requested counter, in request order. */
  counters: CounterOutcome[]
}

/** Nothing was reserved. */
export interface ReserveDenied {
  allowed: false
  /** Index of the first counter (in request order) that denied. */
  index: number
  /** Its value before this call (requests, tokens, in-flight calls, nano-USD), compared with `limit`. */
  used: number
  limit: number
  /** Wait after which the same request can pass; absent when unknown or never. */
  retryAfterMs?: number
  /** Set when this reservation tripped a breaker. */
  opened?: BreakerOpened
}

/** Result of {@link Store.reserve}. */
export type ReserveDecision = ReserveAllowed | ReserveDenied

/** Replace a reservation by what the call actually used. */
export interface SettleRequest {
  /** The reservation's id. */
  id: string
  now?: number
  /** Actual tokens (for `tokens` windows). */
  tokens: number
  /** Actual cost in nano-USD (budgets, `cost` windows, breakers). */
  costNanos: number
}

/** What one counter looks like after settlement, by `kind` (same order as the reservation). */
export type SettleCounterOutcome =
  | { kind: 'window'; used: number }
  | { kind: 'concurrency'; inFlight: number }
  | { kind: 'budget'; spent: number; reserved: number; softLimitCrossed: boolean }
  | { kind: 'breaker'; velocity: number; closed: boolean }

/** Result of {@link Store.settle}. */
export interface SettleResult {
  /** False when the reservation was unknown or already settled: nothing changed. */
  settled: boolean
  counters: SettleCounterOutcome[]
  /** Set when the actual cost tripped (or a probe reopened) a breaker. */
  opened?: BreakerOpened
}

/**
 * Spend that already happened (usage billed after the fact, e.g. batch results), added to budgets
 * without a reservation: the money is spent, so nothing is denied.
 */
export interface ChargeRequest {
  /**
   * Id of the billed work, e.g. `openai:batch_abc`. Charging is idempotent per id: a repeated id
   * (from this process or another one sharing the store) changes nothing. Stores remember ids for a
   * bounded time or number (see each store).
   */
  id: string
  now?: number
  /**
   * Budgets to charge; each `amount` is the actual cost in nano-USD and is added to `spent` of the
   * current period. `hardLimit` is ignored (never denies); `softLimit` is reported once per period
   * as in `reserve`. May be empty: the id is still remembered.
   */
  counters: readonly BudgetCounter[]
}

/** Result of {@link Store.charge}. */
export interface ChargeResult {
  /** False when the id was charged before: nothing changed and `counters` is empty. */
  charged: boolean
  /** One per requested budget, in request order. */
  counters: Array<{ kind: 'budget'; spent: number; reserved: number; softLimitCrossed: boolean }>
}

/** Output-token counts to add to one learned key's window (see {@link Store.recordOutputs}). */
export interface RecordOutputsRequest {
  /** The learned key: provider, model and feature joined by NUL characters (stores prefix it as they prefix counters). */
  key: string
  /** New counts, oldest first. Empty to read the window only. */
  tokens: readonly number[]
  /** How many of the most recent counts the key keeps. */
  window: number
}

/** A counter to read without changing it. */
export type ReadCounter =
  | { kind: 'window'; key: string; windowMs: number; bucketMs: number }
  | { kind: 'concurrency'; key: string }
  | { kind: 'budget'; key: string; period: BudgetPeriod }
  | { kind: 'breaker'; key: string; windowMs: number; bucketMs: number }

/** The state of one read counter, by `kind`. */
export type CounterReading =
  | { kind: 'window'; used: number }
  | { kind: 'concurrency'; inFlight: number }
  | { kind: 'budget'; spent: number; reserved: number; periodStart: number; periodEnd: number }
  | { kind: 'breaker'; velocity: number; state: 'closed' | 'open' | 'half-open'; openUntil?: number }

/** Read counters (spend queries, tests). */
export interface ReadRequest {
  now?: number
  counters: readonly ReadCounter[]
}

/**
 * Where guard counters live. A store offers only the atomic operations guards need, never
 * generic get/set, and every store passes `runStoreConformance` from `@finops-ai/core/testing`.
 *
 * - `reserve` checks and increments all counters of a call, all or nothing.
 * - `settle` replaces a reservation by the actual use (a refund when smaller, an extra charge
 *   when larger) and releases its concurrency slot; it is idempotent per reservation id.
 * - `read` returns counter states.
 * - `charge` (optional) adds spend billed after the fact to budgets, never denying, idempotent per
 *   id. Without it, such spend is recorded (spans, usage records) but not added to budgets.
 *
 * Amounts are integers (requests, tokens, nano-USD). Methods may return values or promises; a
 * throw or rejection is a store failure, which guards handle by `onStoreError`.
 */
export interface Store {
  /**
   * What the store recommends when it fails: `'fail-open'` (calls go through unguarded, flagged) or
   * `'fail-closed'` (calls are denied). The engine applies it unless `createFinOps({ onStoreError })`
   * says otherwise. Absent: the engine's default, `'fail-open'`.
   */
  readonly onError?: 'fail-open' | 'fail-closed'
  /**
   * How long, in ms after its `reserve`, the store holds a reservation that was never settled (its
   * lease) before releasing it by itself. Guards retry a failed `settle` until then, so a
   * concurrency slot comes back as soon as the store answers again. Absent (the memory store, which
   * cannot be unreachable): a failed settle is retried for about 2 s.
   */
  readonly reservationTtlMs?: number
  reserve(request: ReserveRequest): MaybePromise<ReserveDecision>
  settle(request: SettleRequest): MaybePromise<SettleResult>
  read(request: ReadRequest): MaybePromise<CounterReading[]>
  charge?(request: ChargeRequest): MaybePromise<ChargeResult>
  /**
   * Optional: appends output-token counts to a key's window, shared by every process using the
   * store, keeps its most recent `window` counts and returns them, oldest first.
   * `estimate.reserve: 'learned'` uses it to learn across processes; without it each engine learns
   * alone. Stores may forget idle keys (a bounded number, or a time to live).
   */
  recordOutputs?(request: RecordOutputsRequest): MaybePromise<number[]>
}
