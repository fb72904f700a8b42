import type { PolicyConfig } from '@finops-ai/core'
import { formatAmount } from './format-amount.js'

/**
 * Describes a policy in one line: whom it applies to (`match`, `per`) and each of its limits, with
 * what happens when the limit is reached. Budget amounts are in `currency` unless the budget names its own.
 */
export function describePolicy(policy: PolicyConfig, currency: string): string {
  const scope = [
    ...Object.entries(policy.match ?? {}).map(([key, value]) => `${key}=${[value].flat().join('|')}`),
    ...(policy.per ? [`counted per ${policy.per}`] : []),
  ]
  const { requests_per_minute, tokens_per_minute, max_concurrent, budget } = policy.limits ?? {}
  const limits = [
    ...(requests_per_minute === undefined ? [] : [`${requests_per_minute} requests per minute (more are denied)`]),
    ...(tokens_per_minute === undefined ? [] : [`${tokens_per_minute} tokens per minute (more are denied)`]),
    ...(max_concurrent === undefined ? [] : [`${max_concurrent} concurrent calls (more are denied)`]),
    ...(budget?.soft_limit === undefined
      ? []
      : [`${budget.period} soft limit ${formatAmount(budget.soft_limit)} ${budget.currency ?? currency} (emits a soft_limit event)`]),
    ...(budget?.hard_limit === undefined
      ? []
      : [`${budget.period} hard limit ${formatAmount(budget.hard_limit)} ${budget.currency ?? currency} (calls over it are denied)`]),
  ]
  return `${policy.key} [${scope.length > 0 ? scope.join(', ') : 'every call'}]: ${limits.join('; ')}`
}
