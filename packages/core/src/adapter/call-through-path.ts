import { context, diag } from '@opentelemetry/api'
import type { CallHandle, CallPath } from '../call/call-path.js'
import type { CallRequest } from '../call/call-request.js'
import { FinOpsError } from '../errors/finops-error.js'
import { isThenable } from '../guards/maybe-promise.js'
import { deferAPIPromise } from './defer-api-promise.js'
import { observeAPIPromise, type ResponseObserver } from './observe-api-promise.js'
import { replayCachedResponse, type ReplayOptions } from './replay-cached-response.js'
import type { StainlessAPIPromise, StainlessAPIPromiseClass } from './stainless-api-promise.js'

/** One SDK method call to run through the engine's {@link CallPath}. */
export interface CallThroughPathOptions<T> {
  /** The engine's call path. */
  path: CallPath
  /** What the adapter read from the call's parameters. */
  request: CallRequest
  /** Calls the original SDK method, sending `model` (the requested one or its downgrade). */
  send(model: string): StainlessAPIPromise<T>
  /** Builds the observer that settles the admitted call from its response. */
  observe(handle: CallHandle): ResponseObserver<T>
  /** The SDK's own `APIPromise` class, for calls whose admission is asynchronous and for denials. */
  APIPromise: StainlessAPIPromiseClass
  /** The client the call belongs to. */
  client: unknown
}

/**
 * Runs one SDK call through the call path and returns an `APIPromise` of the SDK's own class:
 *
 * - `begin` synchronous (memory store): the original method runs at once inside `handle.context`
 *   and its promise is observed ({@link observeAPIPromise}).
 * - `begin` asynchronous (a remote store): an `APIPromise` is returned at once
 *   ({@link deferAPIPromise}); the original method runs when the reservation is granted.
 * - denial (a thrown or rejected {@link FinOpsError}): the returned promise rejects with it and no
 *   request is sent.
 * - response-cache hit (`handle.cachedResponse`): nothing is sent; the cached response is replayed
 *   through the SDK's own parsing ({@link replayCachedResponse}) and observed like a sent one. A
 *   miss of an opted-in call hands its response to `handle.responseCapture`.
 * - any other failure of the engine is logged through OTel `diag` and the call is sent unobserved:
 *   bookkeeping never breaks the host call.
 *
 * One `begin` per logical call: the SDK's retries happen inside the one request it makes.
 */
export function callThroughPath<T>(options: CallThroughPathOptions<T>): StainlessAPIPromise<T> {
  let begun: CallHandle | Promise<CallHandle>
  try {
    begun = options.path.begin(options.request)
  } catch (error) {
    if (FinOpsError.isInstance(error)) return rejectedAPIPromise(options, error)
    diag.error('finops-ai: starting a call failed; sending it unobserved', error)
    return options.send(options.request.model)
  }
  if (!isThenable(begun)) return observeAPIPromise(sendAdmitted(options, begun), observeSafely(options, begun))

  let observer: ResponseObserver<T> | undefined
  const start = Promise.resolve(begun).then(
    (handle) => {
      observer = observeSafely(options, handle)
      return { call: sendAdmitted(options, handle) }
    },
    (error: unknown) => {
      if (FinOpsError.isInstance(error)) throw error
      diag.error('finops-ai: starting a call failed; sending it unobserved', error)
      return { call: options.send(options.request.model) }
    },
  )
  const deferred = deferAPIPromise({ APIPromise: options.APIPromise, client: options.client, start })
  return observeAPIPromise(deferred, {
    data: (data, props) => (observer ? observer.data(data, props) : data),
    error: (error) => observer?.error(error),
    raw: (response, props) => observer?.raw(response, props),
  })
}

/**
 * Sends the admitted call inside its span's context, or replays its cached response (a response-cache
 * hit: nothing is sent); a missed opted-in call's response is captured for the cache. A synchronous
 * throw fails the call and is rethrown.
 */
function sendAdmitted<T>(options: CallThroughPathOptions<T>, handle: CallHandle): StainlessAPIPromise<T> {
  try {
    const cached = handle.cachedResponse
    if (cached !== undefined) {
      const replay: ReplayOptions<T> = { APIPromise: options.APIPromise, client: options.client, send: () => options.send(handle.model) }
      return context.with(handle.context, replayCachedResponse<T>, undefined, replay, cached)
    }
    const call = context.with(handle.context, options.send, options, handle.model)
    handle.responseCapture?.watch(call.responsePromise)
    return call
  } catch (error) {
    handle.fail(error)
    throw error
  }
}

/** The adapter's observer, or (if building it throws) one that settles the call with what it knows. */
function observeSafely<T>(options: CallThroughPathOptions<T>, handle: CallHandle): ResponseObserver<T> {
  try {
    return options.observe(handle)
  } catch (error) {
    diag.error('finops-ai: observing a call failed', error)
    return {
      data: (data) => {
        handle.succeed({ usage: { inputTokens: options.request.estimatedInputTokens, outputTokens: 0 }, estimated: true })
        return data
      },
      error: (failure) => handle.fail(failure),
      raw: () => handle.succeed({ usage: { inputTokens: options.request.estimatedInputTokens, outputTokens: 0 }, estimated: true }),
    }
  }
}

/** An `APIPromise` that rejects with `error` and never sends a request. */
function rejectedAPIPromise<T>(options: CallThroughPathOptions<T>, error: unknown): StainlessAPIPromise<T> {
  return deferAPIPromise<T>({ APIPromise: options.APIPromise, client: options.client, start: Promise.reject(error) })
}
