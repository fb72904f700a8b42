import { createHash, createHmac } from 'node:crypto'
import { LRUCache } from 'lru-cache'

/** Replaces an end-user id with a stable pseudonym. */
export type UserHasher = (user: string) => string

/**
 * A hasher for `attribution.hashUser`: HMAC-SHA-256 of the id keyed with `salt` (plain SHA-256
 * without one), as 32 hex characters. Results are cached (10 000 ids), so a user's repeated
 * calls cost a map lookup.
 */
export function createUserHasher(salt: string | undefined): UserHasher {
  const cache = new LRUCache<string, string>({ max: 10_000 })
  return (user) => {
    let hashed = cache.get(user)
    if (hashed === undefined) {
      const digest = salt === undefined ? createHash('sha256') : createHmac('sha256', salt)
      hashed = digest.update(user).digest('hex').slice(0, 32)
      cache.set(user, hashed)
    }
    return hashed
  }
}
