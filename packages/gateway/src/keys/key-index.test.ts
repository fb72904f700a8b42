import { describe, expect, it } from 'vitest'
import { createVirtualKey } from './create-virtual-key.js'
import { keyIndex } from './key-index.js'

const support = createVirtualKey({
  id: 'vk_support',
  attribution: { team: 'support', feature: 'support-rag' },
  userHeader: 'x-user',
  providers: ['openai'],
  models: ['gpt-4o-mini'],
})
const revoked = createVirtualKey({ id: 'vk_old', attribution: { team: 'support' } })
const expired = createVirtualKey({ id: 'vk_expired', attribution: { team: 'support' }, expires: new Date(Date.now() - 1000) })
const expiring = createVirtualKey({ id: 'vk_expiring', attribution: { team: 'support' }, expires: new Date(Date.now() + 3_600_000) })
const index = keyIndex([support.entry, { ...revoked.entry, revoked: true }, expired.entry, expiring.entry])

describe('keyIndex', () => {
  it('finds the key of a presented secret with its attribution and permissions', () => {
    expect(index.lookup(support.secret)).toEqual({
      id: 'vk_support',
      attribution: { team: 'support', feature: 'support-rag' },
      userHeader: 'x-user',
      providers: ['openai'],
      models: ['gpt-4o-mini'],
    })
  })

  it('refuses wrong and almost-right secrets', () => {
    const last = support.secret.at(-1) === 'A' ? 'B' : 'A'
    for (const wrong of ['', 'fo-', support.secret.slice(0, -1), `${support.secret.slice(0, -1)}${last}`, `${support.secret} `, support.secret.toUpperCase(), support.entry.hash]) {
      expect(index.lookup(wrong)).toBeUndefined()
    }
  })

  it('refuses a revoked key and an expired one, and accepts one that expires later', () => {
    expect(index.lookup(revoked.secret)).toBeUndefined()
    expect(index.lookup(expired.secret)).toBeUndefined()
    expect(index.lookup(expiring.secret)?.id).toBe('vk_expiring')
  })

  it('counts the keys that are not revoked', () => {
    expect(index.size).toBe(3)
  })

  it('refuses an oversized value without hashing it and returns frozen keys', () => {
    expect(index.lookup('x'.repeat(10_000))).toBeUndefined()
    const key = index.lookup(support.secret)!
    expect(Object.isFrozen(key) && Object.isFrozen(key.attribution) && Object.isFrozen(key.models)).toBe(true)
  })
})
