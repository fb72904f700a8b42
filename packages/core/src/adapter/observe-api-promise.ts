import { safely } from '../engine/safely.js'
import type { StainlessAPIPromise, StainlessResponseProps } from './stainless-api-promise.js'

/** Receives what happens to one observed `APIPromise`. Adapters settle their call from it. */
export interface ResponseObserver<T> {
  /**
   * The parsed data, before the caller sees it. Returns what the caller receives: the same object,
   * or the same stream with its iterator observed. A throw is logged and the data passed on unchanged.
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
 * Observes an `APIPromise` without changing what the caller gets: the result is an `APIPromise` of
 * the SDK's own class on the same request (built with the SDK's `_thenUnwrap`), so `.withResponse()`,
 * `.asResponse()`, `_request_id` and every helper deriving from it keep working. Nothing is parsed
 * unless the caller asks; the body is never read twice.
 *
 * The observer hears exactly one of: `data` (the caller parsed the body), `error` (request or
 * parsing failed) or `raw` (the caller only took the raw `Response`). A promise nobody awaits is
 * never parsed, so it reports only a request `error`.
 */
export function observeAPIPromise<T>(
  source: StainlessAPIPromise<T>,
  observer: ResponseObserver<T>,
): StainlessAPIPromise<T> {
  const once = reportOnce(observer)
  const state = { parsing: false }
  const observed = source._thenUnwrap((data, props) => once.data(data, props))
  // The transform above only sees successes; wrap the derived parse to see parse failures too.
  const parseData = observed.parseResponse
  observed.parseResponse = (client, props) => {
    state.parsing = true
    return Promise.resolve(parseData.call(observed, client, props)).catch((error: unknown) => {
      once.error(error)
      throw error
    })
  }
  source.responsePromise.then(undefined, (error: unknown) => once.error(error))
  return watchRawAccess(observed, state, once)
}

/** Forwards the first report only, each inside a guard: a throwing observer never reaches the caller. */
function reportOnce<T>(observer: ResponseObserver<T>): ResponseObserver<T> {
  let reported = false
  return {
    data(data, props) {
      if (reported) return data
      reported = true
      let delivered = data
      safely('observing a response', () => {
        delivered = observer.data(data, props)
      })
      return delivered
    },
    error(error) {
      if (reported) return
      reported = true
      safely('observing a failed call', () => observer.error(error))
    },
    raw(response, props) {
      if (reported) return
      reported = true
      safely('observing a raw response', () => observer.raw(response, props))
    },
  }
}

/** Reports `asResponse()` use that no parse accompanies, on this promise and on all derived from it. */
function watchRawAccess<T>(
  promise: StainlessAPIPromise<T>,
  state: { parsing: boolean },
  observer: Pick<ResponseObserver<unknown>, 'raw'>,
): StainlessAPIPromise<T> {
  const thenUnwrap = promise._thenUnwrap
  // Same as the SDK's `asResponse()` (the response of `responsePromise`), plus the report.
  // `withResponse()` starts its parse before calling this, so its parse has set `state.parsing`
  // by the time this reaction runs; only raw-only access reaches the observer.
  promise.asResponse = function observedAsResponse(this: StainlessAPIPromise<T>) {
    return this.responsePromise.then((props) => {
      if (!state.parsing) observer.raw(props.response, props)
      return props.response
    })
  }
  promise._thenUnwrap = function observedThenUnwrap<U>(
    this: StainlessAPIPromise<T>,
    transform: (data: T, props: StainlessResponseProps) => U,
  ) {
    return watchRawAccess(thenUnwrap.call(this, transform) as StainlessAPIPromise<U>, state, observer)
  }
  return promise
}
