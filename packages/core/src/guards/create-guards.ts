import { randomUUID } from 'node:crypto'
import { diag } from '@opentelemetry/api'
import type { Attribution } from '../attribution/attribution.js'
import type { FinOpsEvent } from '../engine/finops-event.js'
import { ConfigError } from '../errors/config-error.js'
import type { LimitDenial } from '../errors/limit-exceeded-error.js'
import { compilePolicies, policyCounterKey, type CompiledPolicy } from '../policies/compiled-policy.js'
import { loadPolicies, type PolicySource } from '../policies/load-policies.js'
import { createPolicyIndex } from '../policies/policy-index.js'
import type { BudgetCounter, ChargeResult, MaybePromise, ReserveDecision, SettleResult, Store } from '../store/store.js'
import type { Admission, AdmissionDenied, AdmissionGranted, ActualUse, BilledCharge, ChargeOutcome, GuardedCall, Guards, SettleOutcome } from './guard-types.js'
import { attempt, isThenable } from './maybe-promise.js'
import { planReservation, type ReservationPlan } from './reservation-plan.js'
import { readSpend, type Spend, type SpendQuery } from './read-spend.js'
import { createWaitQueue } from './wait-queue.js'

export type { Spend, SpendQuery } from './read-spend.js'

/** Options of {@link createGuards}. */
export interface GuardsOptions {
  /** Policies: an array, `{ policies }`, a path to a YAML/JSON file, or the result of `loadPolicies`. */
  policies: PolicySource
  /** Where counters live, e.g. `memoryStore()`. */
  store: Store
  /** Receives `soft_limit`, `circuit_open`, `circuit_closed` and `store_degraded` events. A throw is ignored. */
  emit: (event: FinOpsEvent) => void
  /** Configured amount in `currency` (e.g. `6000`, `'EUR'`) → nano-USD. */
  toUsdNanos: (amount: number, currency: string) => number
  /** Nano-USD → decimal amount in the engine currency (for denials, events and `spend`). */
  fromUsdNanos: (nanos: number) => number
  /** The engine currency: unit of reported amounts and of policy amounts without a currency. */
  currency: string
  /** Time source in epoch ms, passed to the store as `now`. Default `Date.now`. */
  clock?: () => number
  /**
   * When the store throws or rejects: `'fail-open'` admits the call with `storeDegraded: true`
   * (and nothing reserved); `'fail-closed'` denies it with reason `'store_unavailable'`, limit 0,
   * current 0 and no `retryAfterMs`. Either way a `store_degraded` event is emitted. A failed
   * settlement is never thrown: it is retried (25 ms, 100 ms, 400 ms, 1.6 s apart, then every
   * 5 s) until the reservation's lease ends (`store.reservationTtlMs` after the reserve; without
   * it, after the fourth retry). Its outcome (awaited by `flush()`) resolves, empty, with a
   * `store_degraded` event after the fourth retry; later retries run in the background on `unref`'d
   * timers (they never keep a process alive), so a concurrency slot comes back within 5 s of the
   * store answering again, and a last `store_degraded` is emitted if the lease ends first.
   * Default `'fail-open'`.
   */
  onStoreError?: 'fail-open' | 'fail-closed'
}

/** {@link Guards} plus spend queries. */
export interface FinOpsGuards extends Guards {
  /**
   * Budget state of one policy (and `per` value): synchronous with the memory store. Throws a
   * `ConfigError` for an unknown policy or a policy without a budget.
   */
  spend(query: SpendQuery): Spend | Promise<Spend>
  /**
   * Adds spend billed after the fact to the budgets of every policy matching its attribution, in
   * one `store.charge`: never denies (the money is spent), once per id. Rates, concurrency and
   * breakers are not touched. A store without `charge` charges nothing (logged once through OTel
   * `diag`); a failing store emits `store_degraded` and reports `storeDegraded`.
   */
  charge(billed: BilledCharge): ChargeOutcome | Promise<ChargeOutcome>
  /**
   * Whether `costNanos` more fits every hard budget of the policies matching `attribution`
   * (`spent + reserved + costNanos <= hard limit`): one `store.read`, nothing reserved. Returns the
   * denial of the first budget it would overrun (reason `budget`), or `undefined`. Used when work
   * billed after the fact (a batch) is submitted. A failing store emits `store_degraded` and
   * follows `onStoreError` (`'fail-closed'`: a `store_unavailable` denial with limit 0).
   */
  checkBudgets(check: { attribution: Attribution; costNanos: number }): LimitDenial | undefined | Promise<LimitDenial | undefined>
}

const noOutcome: SettleOutcome = Object.freeze({})
const settleNothing = (): SettleOutcome => noOutcome

/** Waits before the first retries of a failed settle (about 2 s in all); then `store_degraded` is emitted. */
const settleRetryDelaysMs = [25, 100, 400, 1_600]

/** Wait between the later (background) retries of a failed settle, until the reservation's lease ends. */
const settleRetryCapMs = 5_000

/**
 * Enforces policies for the engine: one atomic `store.reserve` per call across every counter of
 * every matching policy, one `store.settle` per admitted call. Policies are validated, converted to
 * nano-USD and indexed once here. `admit` returns synchronously when the store does, except when a
 * denied call waits (`onLimit: 'wait'`), which returns a promise.
 *
 * Soft limits: the call whose reservation (or settlement) first reaches a policy's soft limit in a
 * period gets the policy key in `softLimitPolicies` and one `soft_limit` event is emitted; while
 * spent + reserved stays at or above it, `on_soft_limit.downgrade` replaces the requested model
 * (the first matching policy with a downgrade for the model wins). The estimate reserved is the one
 * of the requested model.
 */
export function createGuards(options: GuardsOptions): FinOpsGuards {
  const { store, fromUsdNanos, currency } = options
  const clock = options.clock ?? Date.now
  const failOpen = (options.onStoreError ?? 'fail-open') === 'fail-open'
  const policies = compilePolicies(loadPolicies(options.policies), { toUsdNanos: options.toUsdNanos, currency })
  const index = createPolicyIndex(policies)
  // The matches of frozen attribution objects (client defaults, `withAttribution` scopes), which
  // recur call after call and cannot change: looked up once per object.
  const matches = new WeakMap<Attribution, readonly CompiledPolicy[]>()
  const match = (attribution: Attribution): readonly CompiledPolicy[] => {
    if (!Object.isFrozen(attribution)) return index.match(attribution)
    let matched = matches.get(attribution)
    if (matched === undefined) matches.set(attribution, (matched = index.match(attribution)))
    return matched
  }
  const byKey = new Map(policies.map((policy) => [policy.key, policy]))
  const queue = createWaitQueue(clock)
  const idPrefix = randomUUID()
  let sequence = 0
  let warnedNoCharge = false

  const emit = (event: FinOpsEvent): void => {
    try {
      options.emit(event)
    } catch {
      // Events never break a call.
    }
  }
  const storeDegraded = (error: unknown, policy = ''): void => emit({ type: 'store_degraded', policy, key: '', at: new Date(clock()), error })

  const circuitOpen = (plan: ReservationPlan, opened: { index: number; velocity: number; until: number }): void => {
    const slot = plan.slots[opened.index]!
    emit({
      type: 'circuit_open',
      policy: slot.counterKey,
      key: slot.perValue,
      at: new Date(clock()),
      velocity: fromUsdNanos(opened.velocity),
      limit: fromUsdNanos(slot.policy.breaker!.velocityNanos),
      currency,
      until: new Date(opened.until),
    })
  }

  const softLimit = (plan: ReservationPlan, slotIndex: number, spentNanos: number): string => {
    const slot = plan.slots[slotIndex]!
    const budget = slot.policy.budget!
    emit({
      type: 'soft_limit',
      policy: slot.counterKey,
      key: slot.perValue,
      at: new Date(clock()),
      spent: fromUsdNanos(spentNanos),
      softLimit: fromUsdNanos(budget.softNanos!),
      currency,
      period: budget.period,
    })
    return slot.policy.key
  }

  const settled = (plan: ReservationPlan, result: SettleResult): SettleOutcome => {
    const outcome: SettleOutcome = {}
    if (result.opened) circuitOpen(plan, result.opened)
    for (let slotIndex = 0; slotIndex < result.counters.length; slotIndex++) {
      const counter = result.counters[slotIndex]!
      const slot = plan.slots[slotIndex]!
      if (counter.kind === 'budget') {
        if (counter.softLimitCrossed) (outcome.softLimitPolicies ??= []).push(softLimit(plan, slotIndex, counter.spent + counter.reserved))
        const hard = slot.policy.budget!.hardNanos
        if (hard !== undefined) {
          const remaining = hard - counter.spent - counter.reserved
          if (outcome.budgetRemainingNanos === undefined || remaining < outcome.budgetRemainingNanos) outcome.budgetRemainingNanos = remaining
        }
      } else if (counter.kind === 'breaker' && counter.closed) {
        emit({ type: 'circuit_closed', policy: slot.counterKey, key: slot.perValue, at: new Date(clock()) })
      }
    }
    return outcome
  }

  /**
   * Runs the idempotent store operation `run`, retried on the settle schedule: resolves with
   * `applied(result)`, or after the last failure calls `gaveUp` and resolves with no outcome.
   */
  const withSettleRetries = <R>(run: () => MaybePromise<R>, applied: (result: R) => SettleOutcome, gaveUp: (error: unknown) => void, retry = 0): MaybePromise<SettleOutcome> =>
    attempt<R, MaybePromise<SettleOutcome>>(run, applied, (error) => {
      const delay = settleRetryDelaysMs[retry]
      // Referenced timers: `flush()` awaits this outcome, so the process must stay alive for it.
      if (delay !== undefined) return new Promise<SettleOutcome>((resolve) => setTimeout(() => resolve(withSettleRetries(run, applied, gaveUp, retry + 1)), delay))
      gaveUp(error)
      return noOutcome
    })

  /**
   * After the first retries gave up: runs the idempotent `run` again every 5 s on `unref`'d timers,
   * unseen by the caller, while a retry can still land before `deadline` (epoch ms); after the last
   * failure, a `store_degraded` event for `counterKey`.
   */
  const retryInBackground = <R>(run: () => MaybePromise<R>, applied: (result: R) => void, deadline: number | undefined, counterKey: string | undefined): void => {
    const delay = deadline === undefined ? 0 : Math.min(settleRetryCapMs, deadline - clock())
    if (delay <= 0) return
    later(delay, () => {
      attempt<R, void>(run, applied, (error) => {
        if (clock() + settleRetryCapMs < deadline!) retryInBackground(run, applied, deadline, counterKey)
        else storeDegraded(error, counterKey)
      })
    })
  }

  /**
   * The settlement of a call admitted unguarded because the store failed at its reservation
   * (fail-open): its actual cost is charged to the budgets it matched once it ends (`store.charge`,
   * once per call, retried on the settle schedule, then in the background for as long as the
   * store's lease time after the call ended), so spend stays true when the store answers again.
   * Rates, concurrency and breakers are not touched. Without `charge` nothing is charged.
   */
  const chargeUnguarded = (call: GuardedCall, matched: readonly CompiledPolicy[], id: string): AdmissionGranted['settle'] => {
    let outcome: MaybePromise<SettleOutcome> | undefined
    return (actual) => {
      if (outcome !== undefined) return outcome
      const charge = store.charge
      const costNanos = whole(actual.costNanos)
      const plan = planCharge(matched, { id, attribution: call.attribution, costNanos })
      if (charge === undefined || costNanos === 0 || plan.counters.length === 0) return (outcome = noOutcome)
      const counterKey = plan.slots[0]?.counterKey
      const request = { id: `unguarded:${id}`, now: clock(), counters: plan.counters as BudgetCounter[] }
      const run = () => charge.call(store, request)
      const applied = (result: ChargeResult): SettleOutcome => (result.charged ? settled(plan, { settled: true, counters: result.counters }) : noOutcome)
      outcome = withSettleRetries(run, applied, (error) => {
        storeDegraded(error, counterKey)
        const deadline = store.reservationTtlMs === undefined ? undefined : request.now + store.reservationTtlMs
        retryInBackground(run, (result) => void applied(result), deadline, counterKey)
      })
      return outcome
    }
  }

  const granted = (call: GuardedCall, matched: readonly CompiledPolicy[], plan: ReservationPlan, id: string, reservedAt: number, decision: ReserveDecision & { allowed: true }): AdmissionGranted => {
    let model = call.model
    let downgradedFrom: string | undefined
    const softLimitPolicies: string[] = []
    for (let slotIndex = 0; slotIndex < decision.counters.length; slotIndex++) {
      const counter = decision.counters[slotIndex]!
      if (counter.kind !== 'budget') continue
      if (counter.softLimitCrossed) softLimitPolicies.push(softLimit(plan, slotIndex, counter.spent + counter.reserved))
      const downgrade = plan.slots[slotIndex]!.policy.downgrade?.get(call.model)
      if (counter.overSoftLimit && downgrade !== undefined && downgradedFrom === undefined) {
        downgradedFrom = call.model
        model = downgrade
      }
    }
    let outcome: MaybePromise<SettleOutcome> | undefined
    const settle = (actual: ActualUse): MaybePromise<SettleOutcome> => {
      if (outcome !== undefined) return outcome
      const request = { id, now: clock(), tokens: whole(actual.tokens), costNanos: whole(actual.costNanos) }
      const leaseEnd = store.reservationTtlMs === undefined ? undefined : reservedAt + store.reservationTtlMs
      // Settle is idempotent per id, so a failed settle is retried: a store that failed before
      // applying it would otherwise hold the reservation (and its concurrency slot) until its lease
      // ends, and never count the actual cost.
      const applied = (result: SettleResult): SettleOutcome => {
        queue.wake()
        return settled(plan, result)
      }
      const run = () => store.settle(request)
      const counterKey = plan.slots[0]?.counterKey
      outcome = withSettleRetries(run, applied, (error) => {
        storeDegraded(error, counterKey)
        queue.wake()
        // The caller's outcome is resolved; the retries go on unseen until the lease ends.
        retryInBackground(run, (result) => void applied(result), leaseEnd, counterKey)
      })
      return outcome
    }
    const admission: AdmissionGranted = { allowed: true, policyKeys: matched.map((policy) => policy.key), model, softLimitPolicies, storeDegraded: false, settle }
    if (downgradedFrom !== undefined) admission.downgradedFrom = downgradedFrom
    return admission
  }

  const denied = (plan: ReservationPlan, decision: ReserveDecision & { allowed: false }): AdmissionDenied => {
    if (decision.opened) circuitOpen(plan, decision.opened)
    const slot = plan.slots[decision.index]!
    const money = slot.reason === 'budget' || slot.reason === 'circuit_breaker'
    const denial: LimitDenial = {
      reason: slot.reason,
      policy: slot.counterKey,
      limit: money ? fromUsdNanos(decision.limit) : decision.limit,
      current: money ? fromUsdNanos(decision.used) : decision.used,
    }
    if (decision.retryAfterMs !== undefined) denial.retryAfterMs = decision.retryAfterMs
    const counter = plan.counters[decision.index]!
    const requested = 'amount' in counter ? counter.amount : 1
    denial.requested = money ? fromUsdNanos(requested) : requested
    if (money) denial.currency = currency
    return { allowed: false, denial }
  }

  const storeFailed = (error: unknown, call: GuardedCall, matched: readonly CompiledPolicy[], plan: ReservationPlan, id: string): Admission => {
    storeDegraded(error, plan.slots[0]?.counterKey)
    if (failOpen) return { allowed: true, policyKeys: matched.map((policy) => policy.key), model: call.model, softLimitPolicies: [], storeDegraded: true, settle: chargeUnguarded(call, matched, id) }
    return { allowed: false, denial: { reason: 'store_unavailable', policy: plan.slots[0]?.counterKey ?? matched[0]!.key, limit: 0, current: 0 } }
  }

  const reserveOnce = (call: GuardedCall, matched: readonly CompiledPolicy[], plan: ReservationPlan): MaybePromise<Admission> => {
    const id = `${idPrefix}:${++sequence}`
    const reservedAt = clock()
    const decided = (decision: ReserveDecision): Admission => (decision.allowed ? granted(call, matched, plan, id, reservedAt, decision) : denied(plan, decision))
    let decision: MaybePromise<ReserveDecision>
    try {
      decision = store.reserve({ id, now: reservedAt, counters: plan.counters })
    } catch (error) {
      return storeFailed(error, call, matched, plan, id)
    }
    // A synchronous store (memory) decides here, without a closure for its failure.
    if (!isThenable(decision)) return decided(decision)
    return Promise.resolve(decision).then(decided, (error: unknown) => storeFailed(error, call, matched, plan, id))
  }

  const waitIfAllowed = (admission: Admission, call: GuardedCall, matched: readonly CompiledPolicy[], plan: ReservationPlan, releasesSeen: number): MaybePromise<Admission> => {
    if (admission.allowed) return admission
    const { denial } = admission
    const policy = byKey.get(plan.slots.find((slot) => slot.counterKey === denial.policy && slot.reason === denial.reason)?.policy.key ?? '')
    if (!policy || policy.onLimit !== 'wait') return admission
    const retryAfter = denial.retryAfterMs
    if (retryAfter === undefined ? denial.reason === 'budget' : retryAfter > policy.maxWaitMs) return admission
    return queue.wait(() => reserveOnce(call, matched, plan), admission, clock() + policy.maxWaitMs, releasesSeen)
  }

  return {
    admit(call) {
      const matched = match(call.attribution)
      if (matched.length === 0) {
        return { allowed: true, policyKeys: [], model: call.model, softLimitPolicies: [], storeDegraded: false, settle: settleNothing }
      }
      const plan = planReservation(matched, call)
      const releasesSeen = queue.releases
      const first = reserveOnce(call, matched, plan)
      return first instanceof Promise ? first.then((admission) => waitIfAllowed(admission, call, matched, plan, releasesSeen)) : waitIfAllowed(first, call, matched, plan, releasesSeen)
    },
    charge(billed) {
      const matched = index.match(billed.attribution)
      const policyKeys = matched.map((policy) => policy.key)
      const charge = store.charge
      if (charge === undefined) {
        if (!warnedNoCharge) diag.warn('finops-ai: the store has no charge(); usage billed after the fact (batches) is recorded but not added to budgets')
        warnedNoCharge = true
        return { charged: true, policyKeys, storeDegraded: false }
      }
      const plan = planCharge(matched, billed)
      return attempt(
        () => charge.call(store, { id: billed.id, now: clock(), counters: plan.counters as BudgetCounter[] }),
        (result): ChargeOutcome => (result.charged ? { ...settled(plan, { settled: true, counters: result.counters }), charged: true, policyKeys, storeDegraded: false } : { charged: false, policyKeys, storeDegraded: false }),
        (error): ChargeOutcome => {
          storeDegraded(error, plan.slots[0]?.counterKey)
          return { charged: true, policyKeys, storeDegraded: true }
        },
      )
    },
    checkBudgets(check) {
      const budgets = index.match(check.attribution).filter((policy) => policy.budget?.hardNanos !== undefined)
      if (budgets.length === 0) return undefined
      const keys = budgets.map((policy) => policyCounterKey(policy, check.attribution))
      const cost = whole(check.costNanos)
      return attempt(
        () => store.read({ now: clock(), counters: budgets.map((policy, at) => ({ kind: 'budget' as const, key: `${keys[at]!}:budget`, period: policy.budget!.period })) }),
        (readings): LimitDenial | undefined => {
          for (const [at, reading] of readings.entries()) {
            const hard = budgets[at]!.budget!.hardNanos!
            if (reading.kind !== 'budget' || reading.spent + reading.reserved + cost <= hard) continue
            const denial: LimitDenial = { reason: 'budget', policy: keys[at]!, limit: fromUsdNanos(hard), current: fromUsdNanos(reading.spent + reading.reserved), requested: fromUsdNanos(cost), currency }
            if (budgets[at]!.budget!.period !== 'total') denial.retryAfterMs = reading.periodEnd - clock()
            return denial
          }
          return undefined
        },
        (error): LimitDenial | undefined => {
          storeDegraded(error, keys[0])
          return failOpen ? undefined : { reason: 'store_unavailable', policy: keys[0]!, limit: 0, current: 0 }
        },
      )
    },
    spend(query) {
      const policy = byKey.get(query.policy)
      if (!policy) throw new ConfigError({ path: 'policy', detail: `no policy '${query.policy}'` })
      if (!policy.budget) throw new ConfigError({ path: 'policy', detail: `policy '${query.policy}' has no budget` })
      const counterKey = policyCounterKey(policy, policy.per === undefined || query.key === undefined ? {} : { [policy.per]: query.key })
      return readSpend(store, policy, counterKey, { fromUsdNanos, currency, now: clock() })
    },
  }
}

/** The budget counters of `matched` for spend billed after the fact, with their slots. */
function planCharge(matched: readonly CompiledPolicy[], billed: BilledCharge): ReservationPlan {
  const full = planReservation(matched, { attribution: billed.attribution, model: '', estimatedTokens: 0, estimatedCostNanos: billed.costNanos })
  const plan: ReservationPlan = { counters: [], slots: [] }
  full.counters.forEach((counter, at) => {
    if (counter.kind !== 'budget') return
    plan.counters.push(counter)
    plan.slots.push(full.slots[at]!)
  })
  return plan
}

/** Runs `run` after `delayMs` on a timer that does not keep the process alive. */
function later(delayMs: number, run: () => void): void {
  setTimeout(run, delayMs).unref?.()
}

function whole(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0
}
