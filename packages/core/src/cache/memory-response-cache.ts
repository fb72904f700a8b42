import { LRUCache } from 'lru-cache'
import { ConfigError } from '../errors/config-error.js'
import type { CachedResponse, ResponseCacheStore } from './response-cache-store.js'

/** Options of {@link memoryResponseCache}. */
export interface MemoryResponseCacheOptions {
  /** Responses kept at most (least recently used dropped first). Default `1000`. */
  maxEntries?: number
  /**
   * Body bytes (UTF-8) kept at most, all responses together; a single response larger than this is
   * not kept. Default `67108864` (64 MiB).
   */
  maxBytes?: number
  /** Time source in epoch milliseconds, for tests; a response expires `ttlMs` after it was set. Default `Date.now`. */
  clock?: () => number
}

interface Entry {
  response: CachedResponse
  expiresAt: number
}

/**
 * The response cache of one process: an `lru-cache` bounded by entries and body bytes, each entry
 * expiring after the TTL it was set with. The engine's default store when `cache` is on; use
 * `redisResponseCache()` from `@finops-ai/redis` to share responses between processes.
 */
export function memoryResponseCache(options: MemoryResponseCacheOptions = {}): ResponseCacheStore {
  const maxEntries = positiveInteger(options.maxEntries ?? 1000, 'maxEntries')
  const maxBytes = positiveInteger(options.maxBytes ?? 64 * 1024 * 1024, 'maxBytes')
  const clock = options.clock ?? Date.now
  const entries = new LRUCache<string, Entry>({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, Buffer.byteLength(entry.response.body, 'utf8')),
  })
  return {
    get(key) {
      const entry = entries.get(key)
      if (entry === undefined) return undefined
      if (entry.expiresAt > clock()) return entry.response
      entries.delete(key)
      return undefined
    },
    set(key, response, ttlMs) {
      entries.set(key, { response, expiresAt: clock() + ttlMs })
    },
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError({ path: `memoryResponseCache.${name}`, detail: `expected a positive integer, got ${String(value)}` })
  }
  return value
}
