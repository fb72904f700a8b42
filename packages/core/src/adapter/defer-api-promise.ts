import type { StainlessAPIPromise, StainlessAPIPromiseClass, StainlessParse } from './stainless-api-promise.js'

/** What {@link deferAPIPromise} needs. */
export interface DeferredAPIPromiseOptions<T> {
  /** The SDK's own `APIPromise` class, so the caller gets the type the SDK's helpers expect. */
  APIPromise: StainlessAPIPromiseClass
  /** The client the promise belongs to (the SDK passes it to `parseResponse`). */
  client: unknown
  /**
   * Resolves with the original SDK call once it may be sent (e.g. after an asynchronous budget
   * reservation), or rejects (e.g. with a denial) to fail the promise without sending anything.
   * The call is boxed (`{ call }`): an `APIPromise` is a thenable, so resolving a promise with it
   * would await (and parse) it.
   */
  start: Promise<{ call: StainlessAPIPromise<T> }>
}

/**
 * An `APIPromise` of the SDK's own class for a request that is sent later: its response promise
 * first awaits `start`, then follows the started call's response; parsing is delegated to the
 * started call's own `parseResponse`. `.withResponse()`, `.asResponse()`, `_request_id` and the
 * SDK helpers built on `_thenUnwrap` work as on the original. When `start` rejects, every way of
 * reading the promise rejects with that error and no request exists.
 */
export function deferAPIPromise<T>(options: DeferredAPIPromiseOptions<T>): StainlessAPIPromise<T> {
  let started: StainlessAPIPromise<T> | undefined
  const responsePromise = options.start.then(({ call }) => {
    started = call
    return call.responsePromise
  })
  // Readers attach their own handlers; this one only keeps an early denial from being reported as
  // an unhandled rejection before the caller gets to `await`.
  responsePromise.catch(() => undefined)
  // `started` is set when this runs: a response only exists once `start` resolved.
  const parse: StainlessParse<T> = (client, props) => (started as StainlessAPIPromise<T>).parseResponse(client, props)
  const promise = new options.APIPromise(options.client as never, responsePromise, parse as StainlessParse<never>)
  return promise as unknown as StainlessAPIPromise<T>
}
