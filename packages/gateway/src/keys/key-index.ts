import { timingSafeEqual } from 'node:crypto'
import { HASH_PREFIX, secretDigest } from './secret-hash.js'
import type { VirtualKey } from './virtual-key.js'
import type { VirtualKeyEntry } from './virtual-key-entry.js'

/** Longest presented value that is hashed; a secret is 46 characters, so anything longer is refused unhashed. */
const MAX_SECRET_LENGTH = 256

interface IndexedKey {
  digest: Buffer
  key: VirtualKey
  /** Epoch milliseconds from which the key is refused; `Infinity` when it never expires. */
  expiresAt: number
}

/** The active keys of one keys file, indexed by hash. */
export interface KeyIndex {
  /** The active key whose secret is `secret`, as `VirtualKeyStore.lookup`. */
  lookup(secret: string): VirtualKey | undefined
  /** Number of keys not revoked (expired ones included). */
  readonly size: number
}

function toVirtualKey(entry: VirtualKeyEntry): VirtualKey {
  return Object.freeze({
    id: entry.id,
    attribution: Object.freeze({ ...entry.attribution }),
    ...(entry.userHeader === undefined ? {} : { userHeader: entry.userHeader }),
    ...(entry.providers === undefined ? {} : { providers: Object.freeze([...entry.providers]) as VirtualKey['providers'] }),
    ...(entry.models === undefined ? {} : { models: Object.freeze([...entry.models]) as string[] }),
  })
}

/**
 * Indexes `entries` (revoked ones left out) for lookups that hash the presented secret once and
 * find its entry in a `Map` keyed by the hex digest. The returned {@link VirtualKey}s are frozen.
 *
 * Why this is constant-time enough: the `Map` compares the digest of what the caller sent, never
 * the secret itself. Any timing signal of that comparison tells a caller how the SHA-256 of an
 * input they chose relates to a stored digest, which cannot be steered towards a secret without
 * inverting SHA-256. The hit is then confirmed with `crypto.timingSafeEqual` on the two 32-byte
 * digests, whose time does not depend on where they differ.
 */
export function keyIndex(entries: readonly VirtualKeyEntry[]): KeyIndex {
  const byDigest = new Map<string, IndexedKey>()
  for (const entry of entries) {
    if (entry.revoked === true) continue
    const hex = entry.hash.slice(HASH_PREFIX.length)
    byDigest.set(hex, { digest: Buffer.from(hex, 'hex'), key: toVirtualKey(entry), expiresAt: entry.expires?.getTime() ?? Number.POSITIVE_INFINITY })
  }
  return {
    size: byDigest.size,
    lookup(secret) {
      if (typeof secret !== 'string' || secret.length === 0 || secret.length > MAX_SECRET_LENGTH) return undefined
      const digest = secretDigest(secret)
      const indexed = byDigest.get(digest.toString('hex'))
      if (indexed === undefined || !timingSafeEqual(digest, indexed.digest)) return undefined
      return Date.now() < indexed.expiresAt ? indexed.key : undefined
    },
  }
}
