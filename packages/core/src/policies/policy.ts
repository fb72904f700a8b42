import type { BudgetPeriod } from '../store/calendar-period.js'

/** An amount of money as configured; `currency` is absent when it is the engine currency. */
export interface MoneyAmount {
  amount: number
  currency?: string
}

/**
 * A validated, normalised policy (what `loadPolicies` returns for each configured policy).
 * Durations are in ms; money is still in its configured currency (guards convert it once).
 */
export interface Policy {
  key: string
  /** All-of match: attribution key → accepted values. Absent: every call. */
  match?: Readonly<Record<string, readonly string[]>>
  /** Attribution key with one set of counters per value; missing values count as `(none)`. */
  per?: string
  requestsPerMinute?: number
  tokensPerMinute?: number
  maxConcurrent?: number
  budget?: { period: BudgetPeriod; softLimit?: MoneyAmount; hardLimit?: MoneyAmount }
  circuitBreaker?: { costVelocityPerMinute: MoneyAmount; cooldownMs: number }
  /** `on_soft_limit.downgrade`: requested model → cheaper model. */
  downgrade?: Readonly<Record<string, string>>
  /** `'reject'` (default) or `'wait'`. */
  onLimit: 'reject' | 'wait'
  /** Longest wait of `onLimit: 'wait'` in ms. Default 30 000. */
  maxWaitMs: number
}

/** Brand of a {@link PolicySet} (`Symbol.for`, so it works across copies of this package). */
export const policySetMarker: unique symbol = Symbol.for('@finops-ai/core/PolicySet')

/**
 * Validated policies, in configuration order: a read-only array branded so that `loadPolicies`
 * and `createGuards` accept it as already validated. Create with `loadPolicies`.
 */
export type PolicySet = readonly Policy[] & { readonly [policySetMarker]: true }

/** Brands validated policies as a {@link PolicySet} (the array is frozen). */
export function policySet(policies: readonly Policy[]): PolicySet {
  const set = Object.freeze(Object.defineProperty([...policies], policySetMarker, { value: true }))
  return set as unknown as PolicySet
}

/** True for a {@link PolicySet} from any copy of this package. */
export function isPolicySet(value: unknown): value is PolicySet {
  return Array.isArray(value) && (value as unknown as Record<symbol, unknown>)[policySetMarker] === true
}
