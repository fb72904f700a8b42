import type { LimitReason } from '../errors/limit-exceeded-error.js'
import type { BudgetPeriod } from '../store/calendar-period.js'

interface EventBase {
  /** Key of the policy concerned (with its `per` value), or `''` when no policy is concerned. */
  policy: string
  /** The counter key within the policy (`per` value), or `''`. */
  key: string
  /** When it happened. */
  at: Date
}

/** A policy's soft budget was reached: emitted once per policy key per budget period. */
export interface SoftLimitEvent extends EventBase {
  type: 'soft_limit'
  /** Spent plus reserved, in the engine currency, when the soft limit was crossed. */
  spent: number
  softLimit: number
  currency: string
  /** The budget's period (`hourly`, `daily`, `weekly`, `monthly` or `total`). */
  period: BudgetPeriod
}

/** The cost-velocity circuit breaker opened (calls are rejected until `until`). */
export interface CircuitOpenEvent extends EventBase {
  type: 'circuit_open'
  /** Cost in the trailing minute, in the engine currency. */
  velocity: number
  limit: number
  currency: string
  until: Date
}

/** The breaker closed again after a successful probe call. */
export interface CircuitClosedEvent extends EventBase {
  type: 'circuit_closed'
}

/** A call was denied by a guard. */
export interface LimitExceededEvent extends EventBase {
  type: 'limit_exceeded'
  reason: LimitReason
  limit: number
  current: number
  retryAfterMs?: number
  /** What the denied call asked for on top of `current`, in the unit of `limit` (see `LimitDenial.requested`). */
  requested?: number
  /** Currency of `limit`, `current` and `requested` for money limits (`budget`, `circuit_breaker`). */
  currency?: string
}

/** A model has no known price: its calls cost `null` (once per provider and model). */
export interface UnknownPriceEvent extends EventBase {
  type: 'unknown_price'
  provider: string
  model: string
}

/**
 * A model missing from the price data was priced as a sibling by a prefix rule of the data (e.g.
 * `claude-sonnet-5-5` at the `claude-sonnet-5` price): once per provider and model. Its calls
 * carry `finops.price.source = 'genai-prices:approximate'`; add a `prices` override to price it exactly.
 */
export interface ApproximatePriceEvent extends EventBase {
  type: 'approximate_price'
  provider: string
  model: string
  /** `<genai-prices provider>/<model id>` whose price is used. */
  pricedAs: string
}

/** The store failed or timed out; calls went on as configured (`fail-open`) or were rejected. */
export interface StoreDegradedEvent extends EventBase {
  type: 'store_degraded'
  error: unknown
}

/** A call lacked required attribution keys. */
export interface AttributionMissingEvent extends EventBase {
  type: 'attribution_missing'
  missing: string[]
}

/**
 * A client already wrapped with another engine was wrapped with this one: the second wrap is
 * ignored, so this engine's policies, store and telemetry do not apply to that client's calls.
 * Once per client. Create one engine and pass the same `finops` everywhere instead.
 */
export interface WrapIgnoredEvent extends EventBase {
  type: 'wrap_ignored'
}

/** Everything `onEvent` receives. */
export type FinOpsEvent =
  | SoftLimitEvent
  | CircuitOpenEvent
  | CircuitClosedEvent
  | LimitExceededEvent
  | UnknownPriceEvent
  | ApproximatePriceEvent
  | StoreDegradedEvent
  | AttributionMissingEvent
  | WrapIgnoredEvent
