import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { createFinOps } from './create-finops.js'
import type { PolicyConfig } from '../policies/policy-config.js'
import type { FinOpsOptions } from './finops-options.js'

const limits = { requests_per_minute: 1 }

describe('createFinOps validation', () => {
  it('rejects misspelled option keys with a did you mean', () => {
    const create = () => createFinOps({ curency: 'EUR', attribution: {} } as FinOpsOptions)
    expect(create).toThrow(ConfigError)
    expect(create).toThrow("curency: unknown option; did you mean 'currency'?")
  })

  it("rejects per: usr with the path and did you mean 'user'", () => {
    const create = () => createFinOps({ policies: [{ key: 'p', per: 'usr', limits }] })
    expect(create).toThrow(ConfigError)
    expect(create).toThrow(/policies\[0\]\.per: 'usr' is not a known attribution key .*did you mean 'user'\?/)
  })

  it('rejects match: { cost-center } with did you mean costCenter', () => {
    expect(() => createFinOps({ policies: [{ key: 'p', match: { 'cost-center': 'x' }, limits }] })).toThrow(/policies\[0\]\.match\.cost-center: .*did you mean 'costCenter'\?/)
  })

  it('accepts custom keys declared in attribution.keys, required or defaults', () => {
    const policies: PolicyConfig[] = [
      { key: 'p', match: { tenant: 'acme' }, per: 'run', limits },
      { key: 'q', per: 'session', match: { region: 'eu' }, limits },
    ]
    expect(() => createFinOps({ policies, attribution: { keys: ['tenant', 'run'], required: ['session'], defaults: { region: 'eu' } } })).not.toThrow()
  })

  it('accepts a response cache with its defaults, custom isolation keys and a predicate', () => {
    expect(() => createFinOps({ cache: {} })).not.toThrow()
    expect(() => createFinOps({ attribution: { keys: ['tenant'] }, cache: { ttl: 60_000, isolateBy: ['tenant', 'team'], when: () => true } })).not.toThrow()
  })

  it.each([
    [{ tll: 1000 }, "cache.tll: unknown option; did you mean 'ttl'?"],
    [{ ttl: 0 }, 'cache.ttl: expected a positive number of milliseconds, got 0'],
    [{ ttl: Number.POSITIVE_INFINITY }, 'cache.ttl: expected a positive number of milliseconds, got Infinity'],
    [{ when: 'always' }, "cache.when: expected 'temperature-zero' or a function (call) => boolean, got \"always\""],
    [{ store: { get: () => undefined } }, 'cache.store: expected a response cache store with get(key) and set(key, response, ttlMs)'],
    [{ isolateBy: 'team' }, "cache.isolateBy: expected an array of attribution keys, e.g. ['team']"],
    [{ isolateBy: ['team', 'tenat'] }, /cache\.isolateBy\[1\]: "tenat" is not a known attribution key .*did you mean 'team'\?/],
  ])('rejects the cache option %j with a ConfigError naming its path', (cache, message) => {
    const create = () => createFinOps({ cache } as FinOpsOptions)
    expect(create).toThrow(ConfigError)
    expect(create).toThrow(message)
  })
})
