import type { Attribution } from '../attribution/attribution.js'
import type { LimitDenial } from '../errors/limit-exceeded-error.js'

/** What the guards need to know about a call before it is sent. */
export interface GuardedCall {
  /** The call's resolved attribution (policy `match` and `per` read it). */
  attribution: Attribution
  /** The requested model (`on_soft_limit.downgrade` may replace it). */
  model: string
  /** Estimated tokens (input estimate + max output) to reserve against `tokens_per_minute`. */
  estimatedTokens: number
  /** Estimated cost in nano-USD to reserve against budgets; 0 when the price is unknown. */
  estimatedCostNanos: number
}

/** What a call actually used, reported at settlement. */
export interface ActualUse {
  tokens: number
  costNanos: number
}

/** State reported after settlement, for span attributes. */
export interface SettleOutcome {
  /** Smallest remaining hard budget among the call's policies, in nano-USD; absent without budgets. */
  budgetRemainingNanos?: number
  /** Keys of policies whose soft limit this settlement crossed (actual cost above the estimate); a span event each. */
  softLimitPolicies?: string[]
}

/** A call let through: it holds a reservation that MUST be settled exactly once. */
export interface AdmissionGranted {
  allowed: true
  /** Keys of every policy the call counts against (`finops.policy.keys`). */
  policyKeys: string[]
  /** The model to send: the requested one, or its downgrade after a soft limit. */
  model: string
  /** The requested model when `model` is a downgrade. */
  downgradedFrom?: string
  /** Keys of policies whose soft limit this call crossed (a span event each). */
  softLimitPolicies: string[]
  /** True when the store failed and the call was let through by `fail-open`. */
  storeDegraded: boolean
  /** Replace the reservation with actual use (a refund when smaller). Idempotent. */
  settle(actual: ActualUse): SettleOutcome | Promise<SettleOutcome>
}

/** A call denied: nothing was reserved. */
export interface AdmissionDenied {
  allowed: false
  denial: LimitDenial
}

/** The decision for one call. */
export type Admission = AdmissionGranted | AdmissionDenied

/** Spend billed after the fact (batch results), to add to budgets: already priced, never denied. */
export interface BilledCharge {
  /** Id of the billed work; the store charges each id once (see `Store.charge`). */
  id: string
  /** The attribution of the work (policy `match` and `per` read it). */
  attribution: Attribution
  /** Actual cost in nano-USD. */
  costNanos: number
}

/** What charging spend billed after the fact did. */
export interface ChargeOutcome extends SettleOutcome {
  /** False when the id was charged before (by this or another process): nothing changed, record nothing. */
  charged: boolean
  /** Keys of every policy the spend counts against. */
  policyKeys: string[]
  /** True when the store failed: nothing was charged, and the spend is recorded anyway. */
  storeDegraded: boolean
}

/** Enforces policies for the engine. */
export interface Guards {
  /**
   * Reserves the call's estimate across all matching counters in one atomic store operation.
   * Synchronous with the memory store; a promise with remote stores.
   */
  admit(call: GuardedCall): Admission | Promise<Admission>
}
