import { ConfigError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { hashSecret } from './secret-hash.js'
import { validateKeysDocument } from './validate-keys-document.js'

const hash = (n: number) => hashSecret(`fo-secret-${n}`)
const entry = (n: number, fields: Record<string, unknown> = {}) => ({ id: `vk_${n}`, hash: hash(n), attribution: { team: 'support' }, created: '2026-12-01T00:00:00Z', ...fields })

function issuesOf(document: unknown): string[] {
  try {
    validateKeysDocument(document)
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues.map((issue) => `${issue.path}: ${issue.detail}`)
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('validateKeysDocument', () => {
  it('reads every field, lower-casing the user header', () => {
    const [key] = validateKeysDocument({
      keys: [entry(1, { user_header: 'X-User', providers: ['openai', 'anthropic'], models: ['gpt-4o'], expires: '2027-01-31', revoked: true })],
    })
    expect(key).toEqual({
      id: 'vk_1',
      hash: hash(1),
      attribution: { team: 'support' },
      userHeader: 'x-user',
      providers: ['openai', 'anthropic'],
      models: ['gpt-4o'],
      created: new Date('2026-12-01T00:00:00Z'),
      expires: new Date('2027-01-31'),
      revoked: true,
    })
  })

  it('accepts an empty list', () => {
    expect(validateKeysDocument({ keys: [] })).toEqual([])
  })

  it('names the exact path of each problem, attribution checked by core', () => {
    expect(issuesOf({ keys: [entry(0), entry(1), entry(2, { attribution: { team: '' } })] })).toEqual(['keys[2].attribution.team: expected a non-empty string'])
    expect(issuesOf({ keys: [entry(0, { attribution: { 'bad key': 'x' } })] })[0]).toMatch(/^keys\[0\]\.attribution\.bad key: attribution keys must start with a letter/)
    expect(issuesOf({ keys: [entry(0, { userheader: 'x' })] })).toEqual(["keys[0].userheader: unknown field (did you mean 'user_header'?)"])
    expect(issuesOf({ keys: [entry(0, { created: undefined })] })).toEqual(['keys[0].created: required'])
    expect(issuesOf({ keys: [entry(0, { models: ['gpt-4o', 'gpt-4o'] })] })).toEqual(["keys[0].models[1]: 'gpt-4o' is listed twice"])
    expect(issuesOf({ keys: [entry(0, { revoked: 'yes' })] })).toEqual(['keys[0].revoked: expected true or false'])
    expect(issuesOf({ keys: [entry(0, { user_header: 'X-Api-Key' })] })).toEqual(["keys[0].user_header: 'X-Api-Key' carries credentials; name another header"])
    expect(issuesOf({ keys: [entry(0, { user_header: 'x user' })] })).toEqual(['keys[0].user_header: expected an HTTP header name such as x-user'])
    expect(issuesOf({ keys: 'none' })).toEqual(['keys: expected a list of keys (`keys: []` for none)'])
    expect(issuesOf(null)).toEqual(['keys: expected a list of keys (`keys: []` for none)'])
    expect(issuesOf({ keys: [], extra: 1 })).toEqual(['extra: unknown field'])
  })

  it('lists every problem of the file at once', () => {
    expect(issuesOf({ keys: [entry(0, { id: undefined }), 'x', entry(2, { providers: ['gemini'] })] })).toEqual([
      'keys[0].id: required',
      'keys[1]: expected an object with id, hash, attribution and created',
      'keys[2].providers[0]: expected one of openai|anthropic',
    ])
  })

  it('rejects duplicate ids and duplicate hashes', () => {
    expect(issuesOf({ keys: [entry(0), entry(1, { id: 'vk_0' }), entry(2, { hash: hash(0) })] })).toEqual([
      "keys[1].id: duplicate id 'vk_0' (first used by keys[0])",
      'keys[2].hash: duplicate hash (first used by keys[0])',
    ])
  })

  it('rejects a secret where a hash or an id belongs, without quoting it', () => {
    const secret = 'fo-Pasted1Secret2Into3The4Wrong5Field6Abcdefg'
    const issues = issuesOf({ keys: [entry(0, { hash: secret }), entry(1, { id: secret })] })
    expect(issues).toEqual([
      "keys[0].hash: expected 'sha256:' and 64 lower-case hex digits (a secret is never stored: create keys with `keys create`)",
      "keys[1].id: ids are logged and must not look like a secret: choose one that does not start with 'fo-'",
    ])
    expect(issues.join('\n')).not.toContain('Pasted1Secret')
  })
})
