import type { CompiledPolicy } from '../policies/compiled-policy.js'
import type { MaybePromise, Store } from '../store/store.js'
import { attempt } from './maybe-promise.js'

/** Which budget to read: a policy key, and the `per` value for policies with `per` (missing: `(none)`). */
export interface SpendQuery {
  policy: string
  key?: string
}

/** A policy's budget in its current period; amounts are decimals in `currency`. */
export interface Spend {
  /** The current UTC calendar period (`total`: from the epoch to the largest `Date`). */
  period: { start: Date; end: Date }
  /** Settled cost of the period. */
  spent: number
  /** Cost held by calls in flight. */
  reserved: number
  /** `hardLimit − spent − reserved` (negative when actual costs overran); `null` without a hard limit. */
  remaining: number | null
  /** `null` without a soft limit. */
  softLimit: number | null
  /** `null` without a hard limit. */
  hardLimit: number | null
  currency: string
}

/** Reads one budget counter and reports it in the engine currency. */
export function readSpend(
  store: Store,
  policy: CompiledPolicy,
  counterKey: string,
  options: { fromUsdNanos: (nanos: number) => number; currency: string; now: number },
): MaybePromise<Spend> {
  const budget = policy.budget!
  return attempt(
    () => store.read({ now: options.now, counters: [{ kind: 'budget', key: `${counterKey}:budget`, period: budget.period }] }),
    (readings) => {
      const reading = readings[0]
      if (reading?.kind !== 'budget') throw new Error('finops-ai: store returned no budget reading')
      const { fromUsdNanos } = options
      return {
        period: { start: new Date(reading.periodStart), end: new Date(reading.periodEnd) },
        spent: fromUsdNanos(reading.spent),
        reserved: fromUsdNanos(reading.reserved),
        remaining: budget.hardNanos === undefined ? null : fromUsdNanos(budget.hardNanos - reading.spent - reading.reserved),
        softLimit: budget.softNanos === undefined ? null : fromUsdNanos(budget.softNanos),
        hardLimit: budget.hardNanos === undefined ? null : fromUsdNanos(budget.hardNanos),
        currency: options.currency,
      }
    },
    (error) => {
      throw error
    },
  )
}
