import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createUserHasher } from './user-hasher.js'

describe('createUserHasher', () => {
  it('hashes with SHA-256 without a salt and HMAC-SHA-256 with one, to 32 hex characters', () => {
    expect(createUserHasher(undefined)('k.herings')).toBe(createHash('sha256').update('k.herings').digest('hex').slice(0, 32))
    expect(createUserHasher('pepper')('k.herings')).toBe(createHmac('sha256', 'pepper').update('k.herings').digest('hex').slice(0, 32))
  })

  it('is stable per id and differs between ids and salts', () => {
    const hash = createUserHasher('s1')
    expect(hash('a')).toBe(hash('a'))
    expect(hash('a')).not.toBe(hash('b'))
    expect(createUserHasher('s2')('a')).not.toBe(hash('a'))
  })
})
