import { attributionValue } from '../attribution/attribution-value.js'
import type { LimitReason } from '../errors/limit-exceeded-error.js'
import { missingPerValue, policyCounterKey, type CompiledPolicy } from '../policies/compiled-policy.js'
import { minuteWindow } from '../store/sliding-window.js'
import type { CounterRequest } from '../store/store.js'
import type { GuardedCall } from './guard-types.js'

/** Which policy and limit one store counter of a reservation stands for. */
export interface CounterSlot {
  readonly policy: CompiledPolicy
  /** Policy key with its `per` value, e.g. `support-rag/user=k.herings`. */
  readonly counterKey: string
  /** The `per` value (`(none)` when missing), or `''` without `per`. */
  readonly perValue: string
  readonly reason: LimitReason
}

/** The store counters of one call, with the slot each stands for (same order). */
export interface ReservationPlan {
  counters: CounterRequest[]
  slots: CounterSlot[]
}

const whole = (value: number): number => (Number.isFinite(value) && value > 0 ? Math.round(value) : 0)

/** The store key and slot of one counter of one policy for one counter key. */
interface PolicyCounter {
  key: string
  slot: CounterSlot
}

/** The counters of one policy for one counter key: those of the limits it sets. */
interface PolicyCounters {
  rpm?: PolicyCounter
  tpm?: PolicyCounter
  concurrent?: PolicyCounter
  budget?: PolicyCounter
  breaker?: PolicyCounter
}

/** Of policies without `per` (one counter key each), built on their first call: such a call builds no key string and no slot. */
const fixedCounters = new WeakMap<CompiledPolicy, PolicyCounters>()

function policyCounters(policy: CompiledPolicy, counterKey: string, perValue: string): PolicyCounters {
  const counter = (suffix: string, reason: LimitReason): PolicyCounter => ({ key: `${counterKey}:${suffix}`, slot: { policy, counterKey, perValue, reason } })
  const counters: PolicyCounters = {}
  if (policy.requestsPerMinute !== undefined) counters.rpm = counter('rpm', 'requests_per_minute')
  if (policy.tokensPerMinute !== undefined) counters.tpm = counter('tpm', 'tokens_per_minute')
  if (policy.maxConcurrent !== undefined) counters.concurrent = counter('concurrent', 'concurrency')
  if (policy.budget) counters.budget = counter('budget', 'budget')
  if (policy.breaker) counters.breaker = counter('breaker', 'circuit_breaker')
  return counters
}

function countersOf(policy: CompiledPolicy, attribution: GuardedCall['attribution']): PolicyCounters {
  if (policy.per !== undefined) {
    return policyCounters(policy, policyCounterKey(policy, attribution), attributionValue(attribution, policy.per) ?? missingPerValue)
  }
  let fixed = fixedCounters.get(policy)
  if (fixed === undefined) fixedCounters.set(policy, (fixed = policyCounters(policy, policy.key, '')))
  return fixed
}

/**
 * The counters a call reserves, policy by policy in configuration order: requests, tokens,
 * concurrency, budget, breaker. Store keys are `<counterKey>:rpm|tpm|concurrent|budget|breaker`.
 * Counters are fresh objects (they carry the call's amounts); slots are shared, read-only.
 */
export function planReservation(policies: readonly CompiledPolicy[], call: GuardedCall): ReservationPlan {
  const counters: CounterRequest[] = []
  const slots: CounterSlot[] = []
  const tokens = whole(call.estimatedTokens)
  const cost = whole(call.estimatedCostNanos)
  const { windowMs, bucketMs } = minuteWindow
  for (const policy of policies) {
    const { rpm, tpm, concurrent, budget, breaker } = countersOf(policy, call.attribution)
    if (rpm !== undefined) {
      counters.push({ kind: 'window', key: rpm.key, measure: 'requests', amount: 1, limit: policy.requestsPerMinute!, windowMs, bucketMs })
      slots.push(rpm.slot)
    }
    if (tpm !== undefined) {
      counters.push({ kind: 'window', key: tpm.key, measure: 'tokens', amount: tokens, limit: policy.tokensPerMinute!, windowMs, bucketMs })
      slots.push(tpm.slot)
    }
    if (concurrent !== undefined) {
      counters.push({ kind: 'concurrency', key: concurrent.key, limit: policy.maxConcurrent! })
      slots.push(concurrent.slot)
    }
    if (budget !== undefined) {
      const { period, softNanos, hardNanos } = policy.budget!
      counters.push({ kind: 'budget', key: budget.key, period, amount: cost, hardLimit: hardNanos, softLimit: softNanos })
      slots.push(budget.slot)
    }
    if (breaker !== undefined) {
      const { velocityNanos, cooldownMs } = policy.breaker!
      counters.push({ kind: 'breaker', key: breaker.key, amount: cost, limit: velocityNanos, cooldownMs, windowMs, bucketMs })
      slots.push(breaker.slot)
    }
  }
  return { counters, slots }
}
