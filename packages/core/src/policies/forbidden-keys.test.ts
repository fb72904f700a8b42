import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { forbiddenKeyIssues } from './forbidden-keys.js'
import { loadPolicies, parsePolicyText } from './load-policies.js'

const limits = { requests_per_minute: 1 }

describe('forbiddenKeyIssues', () => {
  it('rejects match: { __proto__: x } from JSON instead of loading it as match: {} (every call)', () => {
    const document = parsePolicyText('[{ "key": "p", "match": { "__proto__": "x" }, "limits": { "requests_per_minute": 1 } }]', 'json')
    expect(() => loadPolicies(document as never)).toThrow(ConfigError)
    expect(() => loadPolicies(document as never)).toThrow("policies[0].match.__proto__: '__proto__' is not allowed as a key")
  })

  it('rejects match: { __proto__: x } from YAML', () => {
    const document = parsePolicyText('policies:\n  - key: p\n    match: { __proto__: x }\n    limits: { requests_per_minute: 1 }\n', 'yaml')
    expect(() => loadPolicies(document as never)).toThrow("policies[0].match.__proto__: '__proto__' is not allowed as a key")
  })

  it('rejects an object literal whose prototype was set with __proto__', () => {
    const match = { __proto__: { team: 'x' } } as unknown as Record<string, string>
    expect(() => loadPolicies([{ key: 'p', match, limits }])).toThrow('policies[0].match: expected a plain object')
  })

  it('rejects constructor and prototype as match keys and as per', () => {
    expect(forbiddenKeyIssues({ policies: [{ key: 'p', match: { constructor: 'x', prototype: 'y' }, per: 'constructor' }] })).toEqual([
      { path: 'policies[0].match.constructor', detail: "'constructor' is not allowed as a key" },
      { path: 'policies[0].match.prototype', detail: "'prototype' is not allowed as a key" },
      { path: 'policies[0].per', detail: "'constructor' is not allowed as an attribution key" },
    ])
  })

  it('finds nothing in an ordinary document', () => {
    expect(forbiddenKeyIssues({ policies: [{ key: 'p', match: { team: ['a', 'b'] }, per: 'user', limits }] })).toEqual([])
  })
})
