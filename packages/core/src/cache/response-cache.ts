import { diag } from '@opentelemetry/api'
import type { Attribution } from '../attribution/attribution.js'
import type { CallRequest } from '../call/call-request.js'
import { attempt, isThenable } from '../guards/maybe-promise.js'
import { answerAffectingOptions } from './answer-affecting-options.js'
import { memoryResponseCache } from './memory-response-cache.js'
import { ResponseCapture, type CapturedResponseWriter } from './response-capture.js'
import { responseCacheKey } from './response-cache-key.js'
import type { ResponseCacheCall, ResponseCacheSettings } from './response-cache-options.js'
import type { CachedResponse, ResponseCacheStore } from './response-cache-store.js'

/** The outcome of looking up an opted-in call: its key, and the cached response when there is one. */
export interface ResponseCacheLookup {
  key: string
  cached: CachedResponse | undefined
}

/** What the engine gives its response cache. */
export interface ResponseCacheContext {
  /** Time source (epoch ms); also the default memory store's clock. */
  clock: () => number
  /** Keeps a pending write in `finops.flush()`. */
  track: (promise: Promise<unknown>) => void
}

/**
 * The engine's response cache: decides whether a call opted in, builds its key, looks it up and
 * stores the responses of misses ({@link ResponseCapture}). A failing store never fails a call: a
 * failed lookup is a miss, a failed write is dropped, both logged through OTel `diag`.
 */
export class ResponseCache implements CapturedResponseWriter {
  private readonly store: ResponseCacheStore
  readonly clock: () => number
  readonly track: (promise: Promise<unknown>) => void

  constructor(
    private readonly settings: ResponseCacheSettings,
    context: ResponseCacheContext,
  ) {
    this.clock = context.clock
    this.track = context.track
    this.store = settings.store ?? memoryResponseCache({ clock: context.clock })
  }

  /**
   * `undefined` when the call did not opt in (or its adapter gave no `apiMethod`/`params`, or its
   * parameters are not plain JSON); otherwise its key and cached response, as a promise when the
   * store answers asynchronously.
   */
  lookup(request: CallRequest, attribution: Attribution): ResponseCacheLookup | Promise<ResponseCacheLookup> | undefined {
    const { params, apiMethod } = request
    if (params === undefined || apiMethod === undefined || !this.optedIn(request, params, attribution)) return undefined
    const server = request.server === undefined ? '' : `${request.server.address}:${request.server.port ?? ''}`
    const key = responseCacheKey({ provider: request.provider, apiMethod, server, params, options: answerAffectingOptions(request.requestOptions), scope: this.scopeOf(attribution) })
    if (key === undefined) return undefined
    return attempt(
      () => this.store.get(key),
      (response): ResponseCacheLookup => ({ key, cached: validCachedResponse(response) }),
      (error) => lookupFailed(key, error),
    )
  }

  /** The capture that stores the response of a missed call under `key`. */
  capture(key: string): ResponseCapture {
    return new ResponseCapture(this, key)
  }

  write(key: string, response: CachedResponse): void {
    const written = attempt(() => this.store.set(key, response, this.settings.ttlMs), () => undefined, writeFailed)
    if (isThenable(written)) this.track(written)
  }

  private optedIn(request: CallRequest, params: Readonly<Record<string, unknown>>, attribution: Attribution): boolean {
    const when = this.settings.when
    if (when === undefined) return params.temperature === 0
    const call: ResponseCacheCall = { provider: request.provider, operation: request.operation, model: request.model, params, attribution }
    try {
      return when(call) === true
    } catch (error) {
      diag.error('finops-ai: cache.when threw; the call is not cached', error)
      return false
    }
  }

  private scopeOf(attribution: Attribution): Array<readonly [string, string | null]> {
    const keys = this.settings.isolateBy
    if (keys !== undefined) return keys.map((key) => [key, attribution[key] ?? null] as const)
    return Object.keys(attribution)
      .filter((key) => attribution[key] !== undefined)
      .sort()
      .map((key) => [key, attribution[key] as string] as const)
  }
}

/** `value` when it has the shape of a {@link CachedResponse} (a remote store may hold anything), else `undefined`. */
function validCachedResponse(value: unknown): CachedResponse | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const response = value as Partial<CachedResponse>
  const valid =
    typeof response.status === 'number' &&
    typeof response.body === 'string' &&
    typeof response.headers === 'object' &&
    response.headers !== null &&
    typeof response.storedAt === 'string'
  return valid ? (response as CachedResponse) : undefined
}

function lookupFailed(key: string, error: unknown): ResponseCacheLookup {
  diag.error('finops-ai: response cache lookup failed; the call is sent', error)
  return { key, cached: undefined }
}

function writeFailed(error: unknown): void {
  diag.error('finops-ai: storing a response in the response cache failed', error)
}
