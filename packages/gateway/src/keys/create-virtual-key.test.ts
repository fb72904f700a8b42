import { ConfigError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { createVirtualKey } from './create-virtual-key.js'
import { hashSecret } from './secret-hash.js'

describe('createVirtualKey', () => {
  it('returns a new secret and an entry holding only its hash', () => {
    const created = new Date('2026-12-01T00:00:00Z')
    const { secret, entry } = createVirtualKey({ id: 'vk_rag', attribution: { team: 'support', costCenter: 'CC-4711' }, userHeader: 'X-User', created })
    expect(secret).toMatch(/^fo-[A-Za-z0-9_-]{43}$/)
    expect(entry).toEqual({ id: 'vk_rag', hash: hashSecret(secret), attribution: { team: 'support', costCenter: 'CC-4711' }, userHeader: 'x-user', created })
    expect(JSON.stringify(entry)).not.toContain(secret.slice(3))
  })

  it('issues a different secret each time', () => {
    const options = { id: 'vk_a', attribution: { team: 't' } }
    expect(createVirtualKey(options).secret).not.toBe(createVirtualKey(options).secret)
  })

  it.each([
    [{ id: 'vk a', attribution: { team: 't' } }, 'id: expected letters, digits'],
    [{ id: 'vk_a', attribution: { team: '' } }, 'attribution.team: expected a non-empty string'],
    [{ id: 'vk_a', attribution: {} }, 'attribution: expected at least one attribution key'],
    [{ id: 'vk_a', attribution: { team: 't' }, userHeader: 'authorization' }, "user_header: 'authorization' carries credentials"],
    [{ id: 'vk_a', attribution: { team: 't' }, providers: ['gemini' as 'openai'] }, 'providers[0]: expected one of openai|anthropic'],
    [{ id: 'vk_a', attribution: { team: 't' }, models: [] }, 'models: expected a non-empty list of models; omit the field to allow all'],
    [{ id: 'vk_a', attribution: { team: 't' }, expires: new Date('nonsense') }, 'expires: expected an ISO 8601 date'],
  ])('rejects invalid options with a ConfigError naming the field (%j)', (options, message) => {
    expect(() => createVirtualKey(options)).toThrow(ConfigError)
    expect(() => createVirtualKey(options)).toThrow(message)
  })
})
