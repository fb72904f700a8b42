import type { VirtualKeyProvider } from './virtual-key.js'

/** One virtual key as a keys file holds it: everything about the key except its secret. */
export interface VirtualKeyEntry {
  /** Public id, unique in the file, e.g. `vk_support_rag`. */
  id: string
  /** `sha256:` and the hex SHA-256 of the secret (see `hashSecret`); unique in the file. */
  hash: string
  /** Attribution of the key's calls; at least one key. */
  attribution: Record<string, string>
  /** Lower-case header name whose value becomes `attribution.user` (file field `user_header`). */
  userHeader?: string
  /** Providers the key may call; all when absent. */
  providers?: VirtualKeyProvider[]
  /** Models the key may call (exact names); all when absent. */
  models?: string[]
  /** When the key was created. */
  created: Date
  /** When the key stops working; never when absent. */
  expires?: Date
  /** True once revoked: the key no longer authenticates. */
  revoked?: boolean
}
