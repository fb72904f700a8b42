/** The providers a virtual key may be allowed to call. */
export type VirtualKeyProvider = 'openai' | 'anthropic'

/** A virtual key's identity and what it may do. */
export interface VirtualKey {
  /** Public id, safe to log (e.g. `vk_support_rag`); never the secret. */
  id: string
  /** Attribution of every call made with the key (`team`, `feature`, `costCenter`, `user`, custom keys). */
  attribution: Record<string, string>
  /** Lower-case name of a request header whose value, when present, becomes `attribution.user`. */
  userHeader?: string
  /** Providers the key may call; all when absent. */
  providers?: VirtualKeyProvider[]
  /** Models the key may call (exact names); all when absent. */
  models?: string[]
}

/** Looks up a presented secret (constant-time compare against stored hashes). */
export interface VirtualKeyStore {
  /** The active key whose secret is `secret`; `undefined` for an unknown, revoked or expired one. */
  lookup(secret: string): VirtualKey | undefined
  /** Stops watching for changes; lookups keep answering from the keys last loaded. */
  close?(): void
}
