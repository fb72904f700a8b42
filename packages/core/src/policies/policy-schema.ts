import * as z from 'zod'
import { budgetPeriods, type BudgetPeriod } from '../store/calendar-period.js'
import { parseDuration } from './duration.js'
import type { MoneyAmount, Policy } from './policy.js'

type RefinementContext = z.core.$RefinementCtx

/** A message for a missing or mistyped value: `required` when absent, else `expected ...`. */
function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : `expected ${what}`)
}

const positiveInteger = z
  .number({ error: expected('a positive integer') })
  .int({ error: 'expected a positive integer' })
  .positive({ error: 'expected a positive integer' })
const currencyCode = z
  .string({ error: expected('a 3-letter currency code') })
  .regex(/^[A-Za-z]{3}$/, { error: 'expected a 3-letter currency code' })
  .transform((code) => code.toUpperCase())
const duration = z.union([z.number(), z.string()], { error: expected('a duration like 5m, 90s, 1h or milliseconds') }).transform((value, context) => {
  const ms = parseDuration(value)
  if (ms === undefined) {
    context.addIssue({ code: 'custom', message: 'expected a duration like 5m, 90s, 1h or milliseconds' })
    return z.NEVER
  }
  return ms
})
/**
 * Longest `maxWaitMs` accepted: 10 minutes. A caller waiting longer for a slot or budget is better
 * served by a rejection and its `retryAfterMs`.
 */
export const MAX_WAIT_MS = 600_000
const maxWait = duration.refine((ms) => ms <= MAX_WAIT_MS, { error: `expected at most ${MAX_WAIT_MS} ms (10m); reject and use retryAfterMs for longer waits` })
const onLimit = z.enum(['reject', 'wait'], { error: 'expected one of reject|wait' })
const attributionKey = z.string({ error: expected('an attribution key') }).min(1, { error: 'expected an attribution key' })

/** Reads one money field spelled `<prefix>_<cur><suffix>` or `<prefix><suffix>` (+ `currency`). */
function readMoney(
  raw: Record<string, unknown>,
  pattern: RegExp,
  label: string,
  consumed: Set<string>,
  context: RefinementContext,
): MoneyAmount | undefined {
  let found: { field: string; money: MoneyAmount } | undefined
  for (const [field, value] of Object.entries(raw)) {
    const match = pattern.exec(field)
    if (!match) continue
    consumed.add(field)
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      context.addIssue({ code: 'custom', message: 'expected a non-negative number', path: [field] })
      continue
    }
    if (found) {
      context.addIssue({ code: 'custom', message: `conflicts with ${found.field}: give ${label} once`, path: [field] })
      continue
    }
    const suffix = match[1]?.toUpperCase()
    found = { field, money: suffix ? { amount: value, currency: suffix } : { amount: value } }
  }
  return found?.money
}

function checkUnknownFields(raw: Record<string, unknown>, consumed: Set<string>, context: RefinementContext): void {
  for (const field of Object.keys(raw)) {
    if (!consumed.has(field)) context.addIssue({ code: 'custom', message: 'unknown field', path: [field] })
  }
}

function readCurrency(raw: Record<string, unknown>, consumed: Set<string>, context: RefinementContext): string | undefined {
  consumed.add('currency')
  if (raw.currency === undefined) return undefined
  const parsed = currencyCode.safeParse(raw.currency)
  if (parsed.success) return parsed.data
  context.addIssue({ code: 'custom', message: 'expected a 3-letter currency code', path: ['currency'] })
  return undefined
}

const withCurrency = (money: MoneyAmount | undefined, currency: string | undefined): MoneyAmount | undefined =>
  money && money.currency === undefined && currency !== undefined ? { amount: money.amount, currency } : money

const budget = z.record(z.string(), z.unknown(), { error: expected('an object') }).transform((raw, context) => {
  const consumed = new Set(['period'])
  const period = z.enum(budgetPeriods as [BudgetPeriod, ...BudgetPeriod[]], { error: expected(`one of ${budgetPeriods.join('|')}`) }).safeParse(raw.period)
  if (!period.success) {
    const message = raw.period === undefined ? `required: one of ${budgetPeriods.join('|')}` : `expected one of ${budgetPeriods.join('|')}`
    context.addIssue({ code: 'custom', message, path: ['period'] })
  }
  const currency = readCurrency(raw, consumed, context)
  const softLimit = withCurrency(readMoney(raw, /^soft_limit(?:_([A-Za-z]{3}))?$/, 'soft_limit', consumed, context), currency)
  const hardLimit = withCurrency(readMoney(raw, /^hard_limit(?:_([A-Za-z]{3}))?$/, 'hard_limit', consumed, context), currency)
  checkUnknownFields(raw, consumed, context)
  if (!softLimit && !hardLimit) {
    context.addIssue({ code: 'custom', message: 'expected soft_limit and/or hard_limit (e.g. hard_limit_usd: 100)' })
  }
  if (softLimit && hardLimit && softLimit.currency === hardLimit.currency && softLimit.amount > hardLimit.amount) {
    context.addIssue({ code: 'custom', message: 'soft limit must not exceed the hard limit', path: [Object.keys(raw).find((field) => field.startsWith('soft_limit'))!] })
  }
  if (!period.success) return z.NEVER
  return { period: period.data, ...(softLimit && { softLimit }), ...(hardLimit && { hardLimit }) }
})

const circuitBreaker = z.record(z.string(), z.unknown(), { error: expected('an object') }).transform((raw, context) => {
  const consumed = new Set(['cooldown'])
  const currency = readCurrency(raw, consumed, context)
  const velocity = withCurrency(
    readMoney(raw, /^cost_velocity(?:_([A-Za-z]{3}))?_per_min$/, 'cost_velocity_per_min', consumed, context),
    currency,
  )
  let cooldownMs = 300_000
  if (raw.cooldown !== undefined) {
    const parsed = parseDuration(raw.cooldown)
    if (parsed === undefined) context.addIssue({ code: 'custom', message: 'expected a duration like 5m, 90s, 1h or milliseconds', path: ['cooldown'] })
    else cooldownMs = parsed
  }
  checkUnknownFields(raw, consumed, context)
  if (!velocity) {
    context.addIssue({ code: 'custom', message: 'required: cost_velocity_<currency>_per_min (e.g. cost_velocity_usd_per_min: 20)' })
    return z.NEVER
  }
  return { costVelocityPerMinute: velocity, cooldownMs }
})

const limits = z.strictObject(
  {
    requests_per_minute: positiveInteger.optional(),
    tokens_per_minute: positiveInteger.optional(),
    max_concurrent: positiveInteger.optional(),
    budget: budget.optional(),
    circuit_breaker: circuitBreaker.optional(),
  },
  { error: expected('an object') },
)

const matchValue = z.union([z.string(), z.array(z.string()).min(1, { error: 'expected a string or a non-empty array of strings' })], { error: 'expected a string or a non-empty array of strings' })

/** Zod schema of one policy; its output is a {@link Policy} without file-level defaults applied. */
export const policySchema = z
  .strictObject(
    {
      key: z
        .string({ error: expected('a policy key') })
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
          error: "expected letters, digits, '-', '_' or '.' (at most 64, starting with a letter or digit): it names counters, where '/', '=' and ':' are separators",
        }),
      match: z.record(z.string(), matchValue, { error: expected('an object of attribution key: value') }).optional(),
      per: attributionKey.optional(),
      currency: currencyCode.optional(),
      limits: limits.optional(),
      on_soft_limit: z
        .strictObject(
          { downgrade: z.record(z.string(), z.string({ error: 'expected a model name' }), { error: expected('an object of model: model') }).optional() },
          { error: expected('an object') },
        )
        .optional(),
      onLimit: onLimit.optional(),
      maxWaitMs: maxWait.optional(),
    },
    { error: expected('a policy object') },
  )
  .transform((config) => {
    const policy: Omit<Policy, 'onLimit' | 'maxWaitMs'> & Partial<Pick<Policy, 'onLimit' | 'maxWaitMs'>> = { key: config.key }
    if (config.match) {
      policy.match = Object.fromEntries(Object.entries(config.match).map(([key, value]) => [key, typeof value === 'string' ? [value] : value]))
    }
    if (config.per !== undefined) policy.per = config.per
    const limitsConfig = config.limits ?? {}
    if (limitsConfig.requests_per_minute !== undefined) policy.requestsPerMinute = limitsConfig.requests_per_minute
    if (limitsConfig.tokens_per_minute !== undefined) policy.tokensPerMinute = limitsConfig.tokens_per_minute
    if (limitsConfig.max_concurrent !== undefined) policy.maxConcurrent = limitsConfig.max_concurrent
    if (limitsConfig.budget) {
      const { softLimit, hardLimit, period } = limitsConfig.budget
      policy.budget = { period }
      const soft = withCurrency(softLimit, config.currency)
      const hard = withCurrency(hardLimit, config.currency)
      if (soft) policy.budget.softLimit = soft
      if (hard) policy.budget.hardLimit = hard
    }
    if (limitsConfig.circuit_breaker) {
      const { costVelocityPerMinute, cooldownMs } = limitsConfig.circuit_breaker
      policy.circuitBreaker = { costVelocityPerMinute: withCurrency(costVelocityPerMinute, config.currency)!, cooldownMs }
    }
    if (config.on_soft_limit?.downgrade) policy.downgrade = config.on_soft_limit.downgrade
    if (config.onLimit !== undefined) policy.onLimit = config.onLimit
    if (config.maxWaitMs !== undefined) policy.maxWaitMs = config.maxWaitMs
    return policy
  })

/** Zod schema of a policy file (`{ policies, onLimit?, maxWaitMs? }`). */
export const policyFileSchema = z.strictObject(
  {
    policies: z.array(policySchema, { error: expected('an array of policies') }),
    onLimit: onLimit.optional(),
    maxWaitMs: maxWait.optional(),
    currency: currencyCode.optional(),
    exchange_rates: z
      .record(currencyCode, z.number({ error: expected('a positive number of that currency per 1 USD') }).positive({ error: 'expected a positive number of that currency per 1 USD' }), {
        error: expected('an object such as { EUR: 0.92 } (units per 1 USD)'),
      })
      .optional(),
  },
  { error: expected('an array of policies or an object { policies: [...] }') },
)
