import { ConfigError, type CachedResponse, type ResponseCacheStore } from '@finops-ai/core'
import { scriptClientOf } from './clients/script-client-of.js'
import type { RedisScriptClient } from './redis-script-client.js'
import { RedisStoreError } from './redis-store-error.js'
import { scriptSender } from './script-sender.js'
import { cacheGetScript, cacheSetScript } from './scripts/response-cache-scripts.js'

/** Options of {@link redisResponseCache}. */
export interface RedisResponseCacheOptions {
  /**
   * A connected client, as `redisStore({ client })` takes it: an `ioredis` `Redis` or `Cluster`, a
   * node-redis (`redis` v4, v5, v6) client from `createClient()` or cluster from `createCluster()`,
   * opened with `connect()`, or anything with ioredis's `evalsha` and `eval`. It may be the
   * store's client. Anything else, or a node-redis client that is not open, throws a
   * `ConfigError` at path `redisResponseCache.client`.
   */
  client: RedisScriptClient
  /**
   * Prepended to every cache key: an entry is the string `<prefix><key>`. No hash tag is added, so
   * on a Redis Cluster the entries spread over every master. Must be a non-empty string (else a
   * `ConfigError` at path `redisResponseCache.prefix`). Default `'finops:cache:'`.
   */
  prefix?: string
  /**
   * Longest wait for Redis per `get` or `set`, in ms; then it rejects with a
   * {@link RedisStoreError} (`failure: 'timeout'`), which the engine treats as a miss (`get`) or a
   * skipped write (`set`), so a slow Redis delays a call by at most this. Default `100`.
   */
  timeoutMs?: number
}

/** The `ResponseCacheStore` of {@link redisResponseCache}: both methods return promises. */
export interface RedisResponseCache extends ResponseCacheStore {
  /** The response stored under `key`, or `undefined` when there is none or it expired. */
  get(key: string): Promise<CachedResponse | undefined>
  /** Stores `response` under `key` for `ttlMs` milliseconds (rounded up to whole ms). */
  set(key: string, response: CachedResponse, ttlMs: number): Promise<void>
}

/**
 * A `ResponseCacheStore` in Redis, shared by every process using the same Redis and `prefix`:
 * pass it as `createFinOps({ cache: { store } })`. `set` stores a response as JSON with
 * `SET <prefix><key> <json> PX <ttlMs>`, so Redis drops it when its time to live ends; `get`
 * reads it back. Each is one small Lua script run by `EVALSHA` (its source sent with `EVAL` after
 * a `NOSCRIPT`), through the same clients, timeout and Redis Cluster retries as `redisStore`.
 *
 * Failures reject with {@link RedisStoreError} (`operation` `'get'` or `'set'`): Redis
 * unreachable, an error reply, no reply within `timeoutMs`, or an entry that is not JSON (the
 * engine also ignores JSON that is not a cached response); a `ttlMs` that is not a positive number
 * rejects with a `RangeError`. A fractional `ttlMs` is rounded up to whole ms. The engine logs them and goes on without the cache: the call is sent to the provider.
 * Unlike `redisStore`, the cache suits a Redis with an eviction policy (`allkeys-lru`); on a Redis
 * shared with the store (which requires `noeviction`), a full memory makes `set` fail with `OOM`.
 *
 * @example
 * const client = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 0 })
 * const finops = createFinOps({ store: redisStore({ client }), cache: { store: redisResponseCache({ client }) } })
 */
export function redisResponseCache(options: RedisResponseCacheOptions): RedisResponseCache {
  const client = scriptClientOf(options.client, 'redisResponseCache')
  const prefix = options.prefix ?? 'finops:cache:'
  if (typeof prefix !== 'string' || prefix === '') {
    throw new ConfigError({ path: 'redisResponseCache.prefix', detail: `expected a non-empty string, got ${JSON.stringify(prefix)}` })
  }
  const timeoutMs = options.timeoutMs ?? 100
  if (!(timeoutMs > 0)) throw new ConfigError({ path: 'redisResponseCache.timeoutMs', detail: `expected a positive number of ms, got ${timeoutMs}` })
  const send = scriptSender(client, timeoutMs)
  return {
    get: async (key: string): Promise<CachedResponse | undefined> => {
      const reply = await send('get', cacheGetScript, { keys: [prefix + key], args: [] }, performance.now() + timeoutMs)
      if (reply === null || reply === undefined) return undefined
      // The engine checks the response's shape (a shared Redis may hold anything); JSON is checked here.
      try {
        return JSON.parse(String(reply)) as CachedResponse
      } catch (error) {
        throw new RedisStoreError('get', 'reply', `the entry ${JSON.stringify(prefix + key)} is not JSON`, { cause: error })
      }
    },
    set: async (key: string, response: CachedResponse, ttlMs: number): Promise<void> => {
      const px = Math.ceil(ttlMs)
      if (!Number.isSafeInteger(px) || px <= 0) throw new RangeError(`finops-ai redis response cache: ttlMs must be a positive number of ms, got ${ttlMs}`)
      await send('set', cacheSetScript, { keys: [prefix + key], args: [JSON.stringify(response), String(px)] }, performance.now() + timeoutMs)
    },
  }
}
