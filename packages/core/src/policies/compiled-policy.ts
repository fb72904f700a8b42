import { attributionValue } from '../attribution/attribution-value.js'
import type { Attribution } from '../attribution/attribution.js'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { BudgetPeriod } from '../store/calendar-period.js'
import type { MoneyAmount, Policy } from './policy.js'

/** The counter value of calls that lack a policy's `per` attribution key (or carry it empty). */
export const missingPerValue = '(none)'

/** A policy normalised for the hot path: money in nano-USD, durations in ms, downgrades in a map. */
export interface CompiledPolicy {
  key: string
  /** Position in configuration order (policies are checked in this order). */
  position: number
  match?: Readonly<Record<string, readonly string[]>>
  per?: string
  requestsPerMinute?: number
  tokensPerMinute?: number
  maxConcurrent?: number
  budget?: { period: BudgetPeriod; softNanos?: number; hardNanos?: number }
  breaker?: { velocityNanos: number; cooldownMs: number }
  downgrade?: ReadonlyMap<string, string>
  onLimit: 'reject' | 'wait'
  maxWaitMs: number
}

/** Conversions {@link compilePolicies} needs. */
export interface CompileOptions {
  /** Configured amount (e.g. `6000`, `'EUR'`) → nano-USD. May throw for an unknown currency. */
  toUsdNanos: (amount: number, currency: string) => number
  /** The engine currency: the unit of amounts configured without a currency. */
  currency: string
}

/**
 * Converts validated policies to their hot-path form once. A currency the converter rejects is
 * reported, with every other such problem, as one {@link ConfigError}.
 */
export function compilePolicies(policies: readonly Policy[], options: CompileOptions): CompiledPolicy[] {
  const issues: ConfigIssue[] = []
  const nanos = (money: MoneyAmount, path: string): number => {
    try {
      const value = Math.round(options.toUsdNanos(money.amount, money.currency ?? options.currency))
      if (Number.isSafeInteger(value) && value >= 0) return value
      issues.push({ path, detail: `amount ${money.amount} ${money.currency ?? options.currency} is out of range` })
    } catch (error) {
      issues.push({ path, detail: (error as Error).message })
    }
    return 0
  }
  const compiled = policies.map((policy, position): CompiledPolicy => {
    const path = `policies[${position}].limits`
    const result: CompiledPolicy = { key: policy.key, position, onLimit: policy.onLimit, maxWaitMs: policy.maxWaitMs }
    if (policy.match) result.match = policy.match
    if (policy.per !== undefined) result.per = policy.per
    if (policy.requestsPerMinute !== undefined) result.requestsPerMinute = policy.requestsPerMinute
    if (policy.tokensPerMinute !== undefined) result.tokensPerMinute = policy.tokensPerMinute
    if (policy.maxConcurrent !== undefined) result.maxConcurrent = policy.maxConcurrent
    if (policy.budget) {
      const { period, softLimit, hardLimit } = policy.budget
      result.budget = { period }
      if (softLimit) result.budget.softNanos = nanos(softLimit, `${path}.budget.soft_limit`)
      if (hardLimit) result.budget.hardNanos = nanos(hardLimit, `${path}.budget.hard_limit`)
    }
    if (policy.circuitBreaker) {
      const velocityNanos = nanos(policy.circuitBreaker.costVelocityPerMinute, `${path}.circuit_breaker.cost_velocity_per_min`)
      result.breaker = { velocityNanos, cooldownMs: policy.circuitBreaker.cooldownMs }
    }
    if (policy.downgrade) result.downgrade = new Map(Object.entries(policy.downgrade))
    return result
  })
  if (issues.length > 0) throw new ConfigError(issues)
  return compiled
}

/**
 * The counter key of `policy` for a call: the policy key, plus `/<per>=<value>` with `per`
 * (e.g. `support-rag/user=k.herings`). The value is percent-encoded (letters, digits and `-_.`
 * stay as they are), so no value can spell another policy's key or the missing marker. Calls
 * lacking the `per` key, or carrying it empty, share the value {@link missingPerValue} (`(none)`).
 */
export function policyCounterKey(policy: CompiledPolicy, attribution: Attribution): string {
  if (policy.per === undefined) return policy.key
  const value = attributionValue(attribution, policy.per)
  return `${policy.key}/${policy.per}=${value === undefined ? missingPerValue : encodePerValue(value)}`
}

const plainValue = /^[A-Za-z0-9_.-]*$/

// Percent-encodes everything but letters, digits and `-_.`: parentheses included, so an encoded
// value never equals `(none)`; `/`, `=` and `:` included, so it never reads as a key separator.
// A lone UTF-16 surrogate (which `encodeURIComponent` rejects) becomes `%uXXXX`.
function encodePerValue(value: string): string {
  if (plainValue.test(value)) return value
  let encoded = ''
  for (const character of value) {
    const unit = character.charCodeAt(0)
    if (character.length === 1 && unit >= 0xd800 && unit <= 0xdfff) encoded += `%u${unit.toString(16).toUpperCase()}`
    else encoded += encodeURIComponent(character).replace(/[!'()*~]/g, (reserved) => `%${reserved.charCodeAt(0).toString(16).toUpperCase()}`)
  }
  return encoded
}
