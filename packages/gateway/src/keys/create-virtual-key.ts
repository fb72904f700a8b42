import { entryToDocument } from './keys-file.js'
import { generateSecret, hashSecret } from './secret-hash.js'
import { validateKeyEntry } from './validate-keys-document.js'
import type { VirtualKeyProvider } from './virtual-key.js'
import type { VirtualKeyEntry } from './virtual-key-entry.js'

/** Options of {@link createVirtualKey}. */
export interface CreateVirtualKeyOptions {
  /** Public id, unique in its keys file: letters, digits, `_`, `.`, `-` (e.g. `vk_support_rag`). */
  id: string
  /** Attribution of the key's calls (`team`, `feature`, `costCenter`, `user`, custom keys); at least one. */
  attribution: Record<string, string>
  /** Header whose value, when present, becomes `attribution.user`. Default: none. */
  userHeader?: string
  /** Providers the key may call. Default: all. */
  providers?: VirtualKeyProvider[]
  /** Models the key may call (exact names). Default: all. */
  models?: string[]
  /** When the key stops working. Default: never. */
  expires?: Date
  /** The creation date recorded. Default: now. */
  created?: Date
}

/**
 * Issues a virtual key: a new secret (`fo-` and 32 random bytes, base64url) and the entry a keys
 * file stores for it, which holds only the secret's SHA-256 hash. Show the secret to its owner
 * once; it cannot be recovered from the entry. Invalid options throw a `ConfigError` naming the
 * field (`attribution.team`, `user_header`).
 */
export function createVirtualKey(options: CreateVirtualKeyOptions): { secret: string; entry: VirtualKeyEntry } {
  const secret = generateSecret()
  const draft: VirtualKeyEntry = { ...options, hash: hashSecret(secret), created: options.created ?? new Date() }
  return { secret, entry: validateKeyEntry(entryToDocument(draft)) }
}
