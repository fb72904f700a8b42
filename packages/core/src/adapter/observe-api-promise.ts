import { diag } from '@opentelemetry/api'
import type { StainlessAPIPromise, StainlessParse, StainlessResponseProps } from './stainless-api-promise.js'

/** Receives what happens to one observed `APIPromise`. Adapters settle their call from it. */
export interface ResponseObserver<T> {
  /**
   * The parsed data, before the caller sees it. It may observe the data in place (e.g. a stream's
   * iterator) but not replace it: the caller receives `data` itself, so return `data` (another
   * return value is ignored). A throw is logged and ignored.
   */
  data(data: T, props: StainlessResponseProps): T
  /** The request failed (the SDK's own error after its retries), or reading/parsing the body failed. */
  error(error: unknown): void
  /**
   * The caller took the raw `Response` with `asResponse()` and nothing parses the body: the adapter
   * can read usage from `response.clone()` (called synchronously here, before the caller reads).
   */
  raw(response: Response, props: StainlessResponseProps): void
}

/**
 * Observes an `APIPromise` without changing what the caller gets, and returns it: the same promise
 * object, of its own SDK class, with an observing `parseResponse` around its own and observing
 * `asResponse` and `_thenUnwrap` set on it (shared functions: nothing is allocated per call but
 * one small record). `.withResponse()`, `.asResponse()`, `_request_id` and every helper deriving
 * from it with `_thenUnwrap` keep working. The parse gets one extra reaction, not an extra step
 * before the caller. Nothing is parsed unless the caller asks; the body is never read twice.
 *
 * The observer hears exactly one of: `data` (the caller parsed the body), `error` (request or
 * parsing failed) or `raw` (the caller only took the raw `Response`). A promise nobody awaits is
 * never parsed, so it reports only a request `error`. A promise observed a second time is
 * observed through a promise derived from it (`_thenUnwrap`), so both observers hear it.
 */
export function observeAPIPromise<T>(source: StainlessAPIPromise<T>, observer: ResponseObserver<T>): StainlessAPIPromise<T> {
  const target = observationKey in source ? source._thenUnwrap(identity) : source
  const observation = new Observation(target.parseResponse, observer)
  target.responsePromise.then(undefined, (error: unknown) => observation.error(error))
  target.parseResponse = parseObserved as typeof target.parseResponse
  return watch(target, observation)
}

const observationKey = Symbol('finops-ai observation')

/** An `APIPromise` observed by {@link observeAPIPromise}: its observation travels with it. */
interface ObservedPromise<T> extends StainlessAPIPromise<T> {
  [observationKey]: Observation<T>
}

/** Gives `promise` (observed, or derived from an observed one) `observation` and the observing `asResponse` and `_thenUnwrap`. */
function watch<T>(promise: StainlessAPIPromise<T>, observation: Observation<T>): StainlessAPIPromise<T> {
  ;(promise as ObservedPromise<T>)[observationKey] = observation
  promise.asResponse = asResponseObserved
  promise._thenUnwrap = Object.hasOwn(promise, '_thenUnwrap')
    ? observingOwnThenUnwrap(promise._thenUnwrap, observation)
    : (thenUnwrapObserved as StainlessAPIPromise<T>['_thenUnwrap'])
  return promise
}

/**
 * The `parseResponse` of every observed promise (the SDK calls it as a method, `this` being the
 * promise): the promise's own parse, returned as it is, with one reaction that reports its data or
 * failure. That reaction is registered first, so it runs before the caller sees the data.
 */
function parseObserved<T>(this: ObservedPromise<T>, client: unknown, props: StainlessResponseProps): T | PromiseLike<T> {
  const observation = this[observationKey]
  observation.parsing = true
  let parsed: T | PromiseLike<T>
  try {
    parsed = observation.parse.call(this, client, props)
  } catch (error) {
    observation.error(error)
    throw error
  }
  Promise.resolve(parsed).then(
    (data) => observation.data(data, props),
    (error: unknown) => observation.error(error),
  )
  return parsed
}

/**
 * The SDK's `asResponse()` (the response of `responsePromise`), plus the report of raw-only
 * access. `withResponse()` starts its parse before calling this, so its parse has set `parsing` by
 * the time this reaction runs; only raw-only access reaches the observer.
 */
function asResponseObserved<T>(this: ObservedPromise<T>): Promise<Response> {
  const observation = this[observationKey]
  return this.responsePromise.then((props) => {
    if (!observation.parsing) observation.raw(props.response, props)
    return props.response
  })
}

/** The class's own `_thenUnwrap`, its derived promise watched too (its parse goes through this promise's {@link parseObserved}). */
function thenUnwrapObserved<T, U>(this: ObservedPromise<T>, transform: (data: T, props: StainlessResponseProps) => U): StainlessAPIPromise<U> {
  const thenUnwrap = (Object.getPrototypeOf(this) as StainlessAPIPromise<T>)._thenUnwrap
  const derived = thenUnwrap.call(this, transform) as StainlessAPIPromise<U>
  return watch(derived, this[observationKey] as Observation<unknown> as Observation<U>)
}

/**
 * For SDKs that give each promise its own `_thenUnwrap` (openai 7: it derives from the request and
 * the parse it captured, not from `parseResponse`, so a derived promise would bypass
 * {@link parseObserved}): the derived promise reports the data in its transform instead.
 */
function observingOwnThenUnwrap<T>(thenUnwrap: StainlessAPIPromise<T>['_thenUnwrap'], observation: Observation<T>): StainlessAPIPromise<T>['_thenUnwrap'] {
  return function observedThenUnwrap<U>(this: StainlessAPIPromise<T>, transform: (data: T, props: StainlessResponseProps) => U) {
    const derived = thenUnwrap.call(this, (data: T, props: StainlessResponseProps) => {
      observation.data(data, props)
      return transform(data, props)
    }) as StainlessAPIPromise<U>
    return watch(derived, observation as Observation<unknown> as Observation<U>)
  }
}

function identity<T>(data: T): T {
  return data
}

/**
 * What one observed call shares with the promises derived from it: its own parse, whether anything
 * parses, and the observer, to which it forwards the first report only, each inside a guard (a
 * throwing observer never reaches the caller).
 */
class Observation<T> {
  /** Set when a parse starts: `asResponse()` is then not raw-only access. */
  parsing = false
  private reported = false

  constructor(
    /** The promise's own `parseResponse`. */
    readonly parse: StainlessParse<T>,
    private readonly observer: ResponseObserver<T>,
  ) {}

  data(data: T, props: StainlessResponseProps): void {
    if (this.reported) return
    this.reported = true
    try {
      this.observer.data(data, props)
    } catch (error) {
      diag.error('finops-ai: observing a response failed', error)
    }
  }

  error(error: unknown): void {
    if (this.reported) return
    this.reported = true
    try {
      this.observer.error(error)
    } catch (failure) {
      diag.error('finops-ai: observing a failed call failed', failure)
    }
  }

  raw(response: Response, props: StainlessResponseProps): void {
    if (this.reported) return
    this.reported = true
    try {
      this.observer.raw(response, props)
    } catch (error) {
      diag.error('finops-ai: observing a raw response failed', error)
    }
  }
}
