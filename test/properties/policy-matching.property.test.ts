// Policy matching: the index built at load returns exactly the policies whose `match` a call
// satisfies (all-of, any listed value), in configuration order — compared with a naive scan, both
// on the index itself and end to end through the engine's usage records.
import { callPathOf, createFinOps, loadPolicies, withAttribution, type Attribution, type PolicyConfig, type UsageRecord } from '@finops-ai/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compilePolicies } from '../../packages/core/src/policies/compiled-policy.js'
import { createPolicyIndex } from '../../packages/core/src/policies/policy-index.js'

// `toString` is a valid (declared) attribution key that also names an Object.prototype member;
// `constructor`, `__proto__` and `prototype` are refused at load (test/security/counter-keys.test.ts).
const keys = ['team', 'feature', 'user', 'tenant', 'toString'] as const
const values = ['a', 'b', 'c', 'a/b', 'A'] as const

const match = fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.constantFrom(...values), fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 3 })), {
  maxKeys: 3,
})
const policies = fc
  .array(fc.option(match, { nil: undefined }), { maxLength: 12 })
  .map((matches): PolicyConfig[] => matches.map((entry, index) => ({ key: `p${index}`, ...(entry === undefined ? {} : { match: entry }), limits: { requests_per_minute: 1_000 } })))
const attribution = fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 4 }) as fc.Arbitrary<Attribution>

/** The naive definition: every listed key is present and equals one of its values. */
function naive(configs: readonly PolicyConfig[], call: Attribution): string[] {
  return configs
    .filter((policy) =>
      Object.entries(policy.match ?? {}).every(([key, accepted]) => {
        const value = Object.hasOwn(call, key) ? call[key] : undefined
        return value !== undefined && (typeof accepted === 'string' ? [accepted] : accepted).includes(value)
      }),
    )
    .map((policy) => policy.key)
}

describe('policy matching', () => {
  it('the index matches exactly the naive scan, in configuration order', () => {
    fc.assert(
      fc.property(policies, fc.array(attribution, { minLength: 1, maxLength: 10 }), (configs, calls) => {
        const index = createPolicyIndex(compilePolicies(loadPolicies(configs), { toUsdNanos: (amount) => amount * 1e9, currency: 'USD' }))
        for (const call of calls) expect(index.match(call).map((policy) => policy.key)).toEqual(naive(configs, call))
      }),
      { numRuns: 300 },
    )
  })

  it('end to end, each call counts against exactly the matching policies (usage record policyKeys)', () => {
    fc.assert(
      fc.property(policies, fc.array(attribution, { minLength: 1, maxLength: 5 }), (configs, calls) => {
        const records: UsageRecord[] = []
        const finops = createFinOps({ policies: configs, attribution: { onMissing: 'allow', keys: ['tenant', 'toString'] }, onUsage: (record) => void records.push(record) })
        for (const call of calls) {
          withAttribution(call, () => {
            const handle = callPathOf(finops).begin({ provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 1 })
            if (handle instanceof Promise) throw new Error('synchronous admission expected')
            handle.succeed({ usage: { inputTokens: 1, outputTokens: 1 } })
          })
        }
        expect(records.map((record) => record.policyKeys)).toEqual(calls.map((call) => naive(configs, call)))
      }),
      { numRuns: 100 },
    )
  })
})
