// Regression tests: attribution values and keys that once reached other tenants' counters.
import { callPathOf, ConfigError, createFinOps, LimitExceededError, MissingAttributionError, withAttribution, type CallRequest, type FinOps } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'

const request: CallRequest = { provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 8, maxOutputTokens: 16 }

function call(finops: FinOps): void {
  const handle = callPathOf(finops).begin(request) as { succeed(result: unknown): void }
  handle.succeed({ usage: { inputTokens: 1, outputTokens: 1 } })
}

function denial(run: () => void): unknown {
  try {
    run()
    return undefined
  } catch (error) {
    return error
  }
}

describe('counter keys', () => {
  it('keeps a user literally named (none) apart from calls without a user', () => {
    const finops = createFinOps({ policies: [{ key: 'tenant', per: 'user', limits: { requests_per_minute: 1 } }], attribution: { onMissing: 'allow' } })
    withAttribution({ team: 'x' }, () => call(finops))
    expect(denial(() => withAttribution({ user: '(none)' }, () => call(finops)))).toBeUndefined()
  })

  it('keeps per values with separators from spelling another counter', () => {
    const finops = createFinOps({
      policies: [
        { key: 'tenant', per: 'user', limits: { requests_per_minute: 100 } },
        { key: 'tenant-team', per: 'team', limits: { requests_per_minute: 2 } },
      ],
      attribution: { onMissing: 'allow' },
    })
    withAttribution({ team: 'gold' }, () => call(finops))
    withAttribution({ user: 'x:rpm/team=gold' }, () => call(finops))
    expect(denial(() => withAttribution({ team: 'gold' }, () => call(finops)))).toBeUndefined()
  })

  it('rejects policy keys holding counter-key separators', () => {
    expect(() => createFinOps({ policies: [{ key: 'tenant/user=vip', limits: { requests_per_minute: 2 } }] })).toThrow(ConfigError)
    expect(() => createFinOps({ policies: [{ key: 'tenant/user=vip', limits: { requests_per_minute: 2 } }] })).toThrow('policies[0].key')
  })

  it('names a denied per counter with its value readable when it is plain', () => {
    const finops = createFinOps({ policies: [{ key: 'p', per: 'user', limits: { requests_per_minute: 1 } }] })
    withAttribution({ user: 'k.herings' }, () => call(finops))
    const error = denial(() => withAttribution({ user: 'k.herings' }, () => call(finops)))
    expect(LimitExceededError.isInstance(error) && error.policy).toBe('p/user=k.herings')
  })
})

describe('attribution keys named like Object.prototype members', () => {
  it('reports a required key such as constructor as missing', () => {
    const finops = createFinOps({ attribution: { required: ['constructor'], onMissing: 'throw' } })
    expect(MissingAttributionError.isInstance(denial(() => withAttribution({ team: 'x' }, () => call(finops))))).toBe(true)
  })

  it('rejects a policy scoped per constructor at load, naming the path', () => {
    const create = () => createFinOps({ policies: [{ key: 'p', per: 'constructor', limits: { requests_per_minute: 1 } }], attribution: { onMissing: 'allow' } })
    expect(create).toThrow("policies[0].per: 'constructor' is not allowed as an attribution key")
  })
})
