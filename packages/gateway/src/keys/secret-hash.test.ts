import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateSecret, hashSecret, secretDigest } from './secret-hash.js'

describe('generateSecret', () => {
  it('is fo- and 32 random bytes in base64url', () => {
    const secret = generateSecret()
    expect(secret).toMatch(/^fo-[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(secret.slice(3), 'base64url')).toHaveLength(32)
  })

  it('never repeats', () => {
    const secrets = new Set(Array.from({ length: 1000 }, generateSecret))
    expect(secrets.size).toBe(1000)
  })
})

describe('hashSecret', () => {
  it('is sha256: and the hex SHA-256 of the secret', () => {
    expect(hashSecret('fo-abc')).toBe(`sha256:${createHash('sha256').update('fo-abc').digest('hex')}`)
    expect(secretDigest('fo-abc').toString('hex')).toBe(hashSecret('fo-abc').slice('sha256:'.length))
  })

  it('differs for secrets one character apart', () => {
    expect(hashSecret('fo-abc')).not.toBe(hashSecret('fo-abd'))
  })
})
