import type { Attribution } from '../attribution/attribution.js'
import type { OperationName } from '../call/call-request.js'
import { closestName } from '../errors/closest-name.js'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { ResponseCacheStore } from './response-cache-store.js'

/** What a `cache.when` predicate is asked about: one call, before anything is sent. */
export interface ResponseCacheCall {
  /** `gen_ai.provider.name`, e.g. `openai`, `anthropic`. */
  provider: string
  /** `gen_ai.operation.name`, e.g. `chat`, `embeddings`. */
  operation: OperationName
  /** The requested model. */
  model: string
  /** The request parameters as the SDK method received them (read them, do not change them). */
  params: Readonly<Record<string, unknown>>
  /** The call's resolved attribution (call-site scope > client default > engine default). */
  attribution: Readonly<Attribution>
}

/**
 * The opt-in response cache (`createFinOps({ cache })`): an identical request of a call that opted
 * in is answered from the cache, without calling the provider. Absent: no call is ever cached.
 * The cache stores full responses: see docs/privacy.md.
 */
export interface ResponseCacheOptions {
  /** Where responses are kept. Default `memoryResponseCache()` (this process only). */
  store?: ResponseCacheStore
  /** How long a response is answered from the cache, in milliseconds. Default `3600000` (1 h). */
  ttl?: number
  /**
   * Which calls use the cache (a call that does not is never looked up nor stored):
   * `'temperature-zero'` — calls whose parameters set `temperature: 0` explicitly; or a predicate
   * over the call, e.g. `(call) => call.attribution.feature === 'faq'`. A throwing predicate counts
   * as `false`. Default `'temperature-zero'`.
   */
  when?: 'temperature-zero' | ((call: ResponseCacheCall) => boolean)
  /**
   * The attribution keys whose values are part of the cache key: calls share cached responses only
   * when these values are equal (an absent value is a value too). `['team']` shares responses
   * within a team, across its users and features. Default: every attribution key and value of the
   * call, so nothing is shared between users, teams, features or any other attribution.
   */
  isolateBy?: readonly string[]
}

/** The validated settings of the response cache. */
export interface ResponseCacheSettings {
  store: ResponseCacheStore | undefined
  ttlMs: number
  /** `undefined`: `'temperature-zero'`. */
  when: ((call: ResponseCacheCall) => boolean) | undefined
  /** `undefined`: every key of the call. Sorted. */
  isolateBy: readonly string[] | undefined
}

const cacheKeys: Record<keyof ResponseCacheOptions, true> = { store: true, ttl: true, when: true, isolateBy: true }
const CACHE_KEYS = Object.keys(cacheKeys)

/**
 * Validates `createFinOps({ cache })`: unknown keys, a store without `get`/`set`, a TTL that is not a
 * positive finite number, an unknown `when`, and `isolateBy` keys that are not known attribution
 * keys (`known`) are each a {@link ConfigError} issue naming its path (`cache.ttl`, `cache.isolateBy[1]`).
 */
export function resolveResponseCacheOptions(options: ResponseCacheOptions, known: ReadonlySet<string>): ResponseCacheSettings {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError({ path: 'cache', detail: 'expected an object such as { ttl: 3600000 }' })
  }
  const issues: ConfigIssue[] = []
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(cacheKeys, key)) continue
    const suggestion = closestName(key, CACHE_KEYS)
    issues.push({ path: `cache.${key}`, detail: `unknown option${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`}` })
  }
  const { store, ttl = 3_600_000, when, isolateBy } = options
  if (store !== undefined && (typeof store?.get !== 'function' || typeof store.set !== 'function')) {
    issues.push({ path: 'cache.store', detail: 'expected a response cache store with get(key) and set(key, response, ttlMs), e.g. memoryResponseCache()' })
  }
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) {
    issues.push({ path: 'cache.ttl', detail: `expected a positive number of milliseconds, got ${String(ttl)}` })
  }
  if (when !== undefined && when !== 'temperature-zero' && typeof when !== 'function') {
    issues.push({ path: 'cache.when', detail: `expected 'temperature-zero' or a function (call) => boolean, got ${JSON.stringify(when)}` })
  }
  if (isolateBy !== undefined) issues.push(...isolateByIssues(isolateBy, known))
  if (issues.length > 0) throw new ConfigError(issues)
  return {
    store,
    ttlMs: ttl,
    when: typeof when === 'function' ? when : undefined,
    isolateBy: isolateBy === undefined ? undefined : Object.freeze([...new Set(isolateBy)].sort()),
  }
}

function isolateByIssues(isolateBy: readonly string[], known: ReadonlySet<string>): ConfigIssue[] {
  if (!Array.isArray(isolateBy)) return [{ path: 'cache.isolateBy', detail: "expected an array of attribution keys, e.g. ['team']" }]
  const issues: ConfigIssue[] = []
  isolateBy.forEach((key: unknown, index) => {
    if (typeof key === 'string' && known.has(key)) return
    const suggestion = typeof key === 'string' ? closestName(key, known) : undefined
    issues.push({
      path: `cache.isolateBy[${index}]`,
      detail: `${JSON.stringify(key)} is not a known attribution key (${[...known].join(', ')})${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`} Declare a custom key with createFinOps({ attribution: { keys: ['…'] } }).`,
    })
  })
  return issues
}
