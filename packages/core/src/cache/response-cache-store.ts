/**
 * One provider response kept by the response cache: the HTTP status, the headers the SDK reads
 * (at least `content-type`) and the whole body as it arrived, so that a hit replays it through the
 * SDK's own parsing (a server-sent-event body replays as a stream).
 */
export interface CachedResponse {
  /** HTTP status of the original response (only successful responses are cached). */
  status: number
  /** Response headers to replay, lower-case names. */
  headers: Record<string, string>
  /** The complete body, as text (JSON, or server-sent events for a streamed call). */
  body: string
  /** When the response was stored (ISO 8601, UTC). */
  storedAt: string
}

/**
 * Where the response cache keeps responses: `memoryResponseCache()` (one process, `lru-cache`) or
 * `redisResponseCache()` from `@finops-ai/redis` (shared by every process using the same Redis).
 * Keys are opaque hashes built by the engine; they already include the tenant's attribution.
 * Methods may return values or promises; a throw or rejection is logged and treated as a miss
 * (`get`) or ignored (`set`): the cache never fails a call.
 */
export interface ResponseCacheStore {
  /** The response stored under `key`, or `undefined` when there is none or it expired. */
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>
  /** Stores `response` under `key` for `ttlMs` milliseconds. */
  set(key: string, response: CachedResponse, ttlMs: number): void | Promise<void>
}
