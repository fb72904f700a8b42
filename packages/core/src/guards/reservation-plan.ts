import { attributionValue } from '../attribution/attribution-value.js'
import type { LimitReason } from '../errors/limit-exceeded-error.js'
import { missingPerValue, policyCounterKey, type CompiledPolicy } from '../policies/compiled-policy.js'
import { minuteWindow } from '../store/sliding-window.js'
import type { CounterRequest } from '../store/store.js'
import type { GuardedCall } from './guard-types.js'

/** Which policy and limit one store counter of a reservation stands for. */
export interface CounterSlot {
  policy: CompiledPolicy
  /** Policy key with its `per` value, e.g. `support-rag/user=k.herings`. */
  counterKey: string
  /** The `per` value (`(none)` when missing), or `''` without `per`. */
  perValue: string
  reason: LimitReason
}

/** The store counters of one call, with the slot each stands for (same order). */
export interface ReservationPlan {
  counters: CounterRequest[]
  slots: CounterSlot[]
}

const whole = (value: number): number => (Number.isFinite(value) && value > 0 ? Math.round(value) : 0)

/**
 * The counters a call reserves, policy by policy in configuration order: requests, tokens,
 * concurrency, budget, breaker. Store keys are `<counterKey>:rpm|tpm|concurrent|budget|breaker`.
 */
export function planReservation(policies: readonly CompiledPolicy[], call: GuardedCall): ReservationPlan {
  const counters: CounterRequest[] = []
  const slots: CounterSlot[] = []
  const tokens = whole(call.estimatedTokens)
  const cost = whole(call.estimatedCostNanos)
  for (const policy of policies) {
    const counterKey = policyCounterKey(policy, call.attribution)
    const perValue = policy.per === undefined ? '' : (attributionValue(call.attribution, policy.per) ?? missingPerValue)
    const slot = (reason: LimitReason): CounterSlot => ({ policy, counterKey, perValue, reason })
    if (policy.requestsPerMinute !== undefined) {
      counters.push({ kind: 'window', key: `${counterKey}:rpm`, measure: 'requests', amount: 1, limit: policy.requestsPerMinute, ...minuteWindow })
      slots.push(slot('requests_per_minute'))
    }
    if (policy.tokensPerMinute !== undefined) {
      counters.push({ kind: 'window', key: `${counterKey}:tpm`, measure: 'tokens', amount: tokens, limit: policy.tokensPerMinute, ...minuteWindow })
      slots.push(slot('tokens_per_minute'))
    }
    if (policy.maxConcurrent !== undefined) {
      counters.push({ kind: 'concurrency', key: `${counterKey}:concurrent`, limit: policy.maxConcurrent })
      slots.push(slot('concurrency'))
    }
    if (policy.budget) {
      const { period, softNanos, hardNanos } = policy.budget
      counters.push({
        kind: 'budget',
        key: `${counterKey}:budget`,
        period,
        amount: cost,
        ...(hardNanos !== undefined && { hardLimit: hardNanos }),
        ...(softNanos !== undefined && { softLimit: softNanos }),
      })
      slots.push(slot('budget'))
    }
    if (policy.breaker) {
      const { velocityNanos, cooldownMs } = policy.breaker
      counters.push({ kind: 'breaker', key: `${counterKey}:breaker`, amount: cost, limit: velocityNanos, cooldownMs, ...minuteWindow })
      slots.push(slot('circuit_breaker'))
    }
  }
  return { counters, slots }
}
