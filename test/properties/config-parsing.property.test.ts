// Config parsing: random valid policy files load (as objects and as YAML/JSON text); any single
// mutation that makes one field invalid is rejected with a ConfigError naming that field's path.
import { ConfigError, createFinOps, loadPolicies, type PolicyConfig } from '@finops-ai/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { parsePolicyText } from '../../packages/core/src/policies/load-policies.js'

const currency = fc.constantFrom('usd', 'eur')
const money = fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100)
const duration = fc.oneof(fc.constantFrom('5m', '90s', '1h', '250ms', '1.5h'), fc.integer({ min: 0, max: 3_600_000 }))
// maxWaitMs is bounded at 10 minutes (MAX_WAIT_MS).
const waitDuration = fc.oneof(fc.constantFrom('5m', '90s', '10m', '250ms'), fc.integer({ min: 0, max: 600_000 }))

const budget = fc
  .record({ period: fc.constantFrom('hourly', 'daily', 'weekly', 'monthly', 'total'), unit: currency, soft: fc.option(money, { nil: undefined }), hard: money })
  .map(({ period, unit, soft, hard }) => ({
    period,
    [`hard_limit_${unit}`]: hard,
    ...(soft === undefined ? {} : { [`soft_limit_${unit}`]: Math.min(soft, hard) }),
  }))
const limits = fc.record(
  {
    requests_per_minute: fc.integer({ min: 1, max: 100_000 }),
    tokens_per_minute: fc.integer({ min: 1, max: 10_000_000 }),
    max_concurrent: fc.integer({ min: 1, max: 1_000 }),
    budget,
    circuit_breaker: fc.record({ unit: currency, velocity: money, cooldown: duration }).map(({ unit, velocity, cooldown }) => ({ [`cost_velocity_${unit}_per_min`]: velocity, cooldown })),
  },
  { requiredKeys: [] },
)
const attributionValue = fc.constantFrom('support-rag', 'search', 'a/b', 'Ω', 'x y')
const policy = (key: string) =>
  fc
    .record(
      {
        match: fc.dictionary(fc.constantFrom('team', 'feature', 'tenant'), fc.oneof(attributionValue, fc.array(attributionValue, { minLength: 1, maxLength: 3 })), { minKeys: 1, maxKeys: 2 }),
        per: fc.constantFrom('user', 'team', 'session'),
        limits,
        on_soft_limit: fc.constant({ downgrade: { 'gpt-4o': 'gpt-4o-mini' } }),
        onLimit: fc.constantFrom('reject' as const, 'wait' as const),
        maxWaitMs: waitDuration,
      },
      { requiredKeys: [] },
    )
    .map((rest) => ({ key, ...rest }) as PolicyConfig)
const policyFile = fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => policy(`policy-${index}`))))

/** One mutation: what to change in `policies[index]`, and the exact path the error must name. */
type Mutation = (policies: PolicyConfig[], index: number) => string

const set = (target: Record<string, unknown>, field: string, value: unknown) => {
  target[field] = value
}
const limitsOf = (policy: PolicyConfig): Record<string, unknown> => ((policy as { limits?: object }).limits ??= {}) as Record<string, unknown>

const mutations: Record<string, Mutation> = {
  'empty key': (policies, index) => {
    set(policies[index] as never, 'key', '')
    return `policies[${index}].key`
  },
  'duplicate key': (policies, index) => {
    if (index === 0) return mutations['unknown policy field']!(policies, index)
    set(policies[index] as never, 'key', policies[0]!.key)
    return `policies[${index}].key`
  },
  'unknown policy field': (policies, index) => {
    set(policies[index] as never, 'limit', {})
    return `policies[${index}].limit`
  },
  'unknown limit': (policies, index) => {
    set(limitsOf(policies[index]!), 'requests_per_hour', 10)
    return `policies[${index}].limits.requests_per_hour`
  },
  'negative rate': (policies, index) => {
    set(limitsOf(policies[index]!), 'requests_per_minute', -1)
    return `policies[${index}].limits.requests_per_minute`
  },
  'fractional tokens': (policies, index) => {
    set(limitsOf(policies[index]!), 'tokens_per_minute', 1.5)
    return `policies[${index}].limits.tokens_per_minute`
  },
  'string concurrency': (policies, index) => {
    set(limitsOf(policies[index]!), 'max_concurrent', '16')
    return `policies[${index}].limits.max_concurrent`
  },
  'bad period': (policies, index) => {
    set(limitsOf(policies[index]!), 'budget', { period: 'fortnightly', hard_limit_usd: 1 })
    return `policies[${index}].limits.budget.period`
  },
  'negative hard limit': (policies, index) => {
    set(limitsOf(policies[index]!), 'budget', { period: 'daily', hard_limit_usd: -5 })
    return `policies[${index}].limits.budget.hard_limit_usd`
  },
  'soft above hard': (policies, index) => {
    set(limitsOf(policies[index]!), 'budget', { period: 'daily', soft_limit_usd: 10, hard_limit_usd: 5 })
    return `policies[${index}].limits.budget.soft_limit_usd`
  },
  'bad currency field': (policies, index) => {
    set(limitsOf(policies[index]!), 'budget', { period: 'daily', hard_limit: 5, currency: 'euro' })
    return `policies[${index}].limits.budget.currency`
  },
  'bad cooldown': (policies, index) => {
    set(limitsOf(policies[index]!), 'circuit_breaker', { cost_velocity_usd_per_min: 1, cooldown: 'soon' })
    return `policies[${index}].limits.circuit_breaker.cooldown`
  },
  'empty match list': (policies, index) => {
    set(policies[index] as never, 'match', { team: [] })
    return `policies[${index}].match.team`
  },
  'bad onLimit': (policies, index) => {
    set(policies[index] as never, 'onLimit', 'queue')
    return `policies[${index}].onLimit`
  },
  'bad maxWaitMs': (policies, index) => {
    set(policies[index] as never, 'maxWaitMs', '-3s')
    return `policies[${index}].maxWaitMs`
  },
  'bad downgrade target': (policies, index) => {
    set(policies[index] as never, 'on_soft_limit', { downgrade: { 'gpt-4o': 4 } })
    return `policies[${index}].on_soft_limit.downgrade.gpt-4o`
  },
}

const clone = <T>(value: T): T => structuredClone(value)

describe('policy config parsing', () => {
  it('random valid policy files load, from objects and from YAML and JSON text', () => {
    fc.assert(
      fc.property(policyFile, (file) => {
        const loaded = loadPolicies(clone(file))
        expect(loaded.map((item) => item.key)).toEqual(file.map((item) => item.key))
        expect(loadPolicies(parsePolicyText(stringify({ policies: file }), 'yaml') as never)).toEqual(loaded)
        expect(loadPolicies(parsePolicyText(JSON.stringify(file), 'json') as never)).toEqual(loaded)
        // An engine accepts them too (EUR amounts need a rate).
        createFinOps({ policies: clone(file), exchangeRates: { EUR: 0.86 }, attribution: { keys: ['tenant', 'session'] } })
      }),
      { numRuns: 150 },
    )
  })

  it('a single invalid field anywhere is rejected with a ConfigError naming its exact path', () => {
    fc.assert(
      fc.property(policyFile, fc.nat(), fc.constantFrom(...Object.keys(mutations)), (file, pick, name) => {
        const policies = clone(file)
        const index = pick % policies.length
        const path = mutations[name]!(policies, index)
        let error: unknown
        try {
          loadPolicies(policies)
        } catch (caught) {
          error = caught
        }
        expect(ConfigError.isInstance(error), `${name} must be rejected`).toBe(true)
        expect((error as ConfigError).issues.map((issue) => issue.path)).toContain(path)
      }),
      { numRuns: 300 },
    )
  })
})
