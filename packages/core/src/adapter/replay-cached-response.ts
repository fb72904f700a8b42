import { diag } from '@opentelemetry/api'
import type { CachedResponse } from '../cache/response-cache-store.js'
import type { StainlessAPIPromise, StainlessAPIPromiseClass, StainlessResponseProps } from './stainless-api-promise.js'

/** What {@link replayCachedResponse} needs. */
export interface ReplayOptions<T> {
  /** The SDK's own `APIPromise` class. */
  APIPromise: StainlessAPIPromiseClass
  /** The client whose resource method `send` calls (it calls `this._client.post(path, options)`). */
  client: unknown
  /** Calls the original SDK method. */
  send(): StainlessAPIPromise<T>
}

/**
 * Answers one SDK call from `cached` without sending anything: the original method runs with the
 * client's `post` answering, for the duration of that synchronous call only, with an `APIPromise`
 * of the SDK's own class whose response is `new Response(body, { status, headers })` and whose
 * props carry the request options the method built. The SDK's default parsing reads exactly those
 * props (`options.stream` and the stream options, the `content-type`, the `controller`), and the
 * method's own transforms (`output_text` of Responses, the normalised chat chunks) still apply, so
 * `await`, `.withResponse()`, `.asResponse()`, streams and the SDK helpers behave as on a sent call.
 * A caller's abort `signal` aborts the replayed stream.
 */
export function replayCachedResponse<T>(options: ReplayOptions<T>, cached: CachedResponse): StainlessAPIPromise<T> {
  const client = options.client as Record<string, unknown>
  const own = Object.getOwnPropertyDescriptor(client, 'post')
  let replayed = false
  const post = (path: string, requestOptions: unknown): StainlessAPIPromise<unknown> => {
    replayed = true
    const props = Promise.resolve(requestOptions).then((resolved) => responseProps(cached, path, resolved))
    return new options.APIPromise(client as never, props)
  }
  Object.defineProperty(client, 'post', { configurable: true, writable: true, value: post })
  let call: StainlessAPIPromise<T>
  try {
    call = options.send()
  } finally {
    if (own === undefined) delete client.post
    else Object.defineProperty(client, 'post', own)
  }
  if (!replayed) diag.warn('finops-ai: the SDK method did not call client.post synchronously; a cached response could not be replayed')
  return call
}

/** The props the SDK's `makeRequest` would give the parse (`APIResponseProps`), for a cached response. */
function responseProps(cached: CachedResponse, path: string, requestOptions: unknown): StainlessResponseProps {
  const resolved = typeof requestOptions === 'object' && requestOptions !== null ? (requestOptions as Record<string, unknown>) : {}
  const controller = new AbortController()
  const signal = resolved.signal
  if (signal instanceof AbortSignal) {
    if (signal.aborted) controller.abort(signal.reason)
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  }
  const props = {
    response: new Response(cached.body, { status: cached.status, headers: cached.headers }),
    options: { method: 'post', path, ...resolved },
    controller,
    requestLogID: 'log_cache',
    retryOfRequestLogID: undefined,
    startTime: Date.now(),
  }
  return props as StainlessResponseProps
}
