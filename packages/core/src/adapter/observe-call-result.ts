import type { CallHandle } from '../call/call-path.js'
import type { CallResult } from '../call/call-result.js'
import { estimatedResult } from './estimated-result.js'
import type { ResponseObserver } from './observe-api-promise.js'
import type { StainlessResponseProps } from './stainless-api-promise.js'
import { observeStream, type StreamObserver } from './observe-stream.js'

/** How {@link observeCallResult} reads one admitted call's response. */
export interface CallResultReading {
  /** The admitted call to settle. */
  handle: CallHandle
  /** The request's input estimate, settled (flagged `estimated`) when no usage can be read. */
  estimatedInputTokens: number
  /**
   * Reads a parsed, non-streamed response body (JSON). Gets this reading's `estimatedInputTokens`,
   * so one function per operation serves every call.
   */
  readResult(body: unknown, estimatedInputTokens: number): CallResult
  /**
   * Builds the observer of a streamed response (`stream: true` in the request options), which
   * settles the call when the stream ends. Gets this reading's `handle` and `estimatedInputTokens`.
   * Absent: the operation never streams.
   */
  trackStream?(handle: CallHandle, estimatedInputTokens: number): StreamObserver<unknown>
}

/**
 * The {@link ResponseObserver} every provider adapter uses: a parsed body succeeds with what
 * `readResult` reads; a stream is observed in place ({@link observeStream}) and settles when it
 * ends; a request error fails the call with the SDK's own error. Raw-only access (`asResponse()`):
 * a JSON body is read from a clone of the response; a raw stream (or a body that cannot be read)
 * settles the input estimate, flagged `estimated`.
 */
export function observeCallResult(reading: CallResultReading): ResponseObserver<unknown> {
  return new CallResultObserver(reading)
}

/** One object per call: its methods are shared, so observing allocates no closures. */
class CallResultObserver implements ResponseObserver<unknown> {
  constructor(private readonly reading: CallResultReading) {}

  data(data: unknown, props: StainlessResponseProps): unknown {
    const reading = this.reading
    if (props.options.stream === true && reading.trackStream !== undefined) {
      return observeStream(data, reading.trackStream(reading.handle, reading.estimatedInputTokens))
    }
    reading.handle.succeed(reading.readResult(data, reading.estimatedInputTokens))
    return data
  }

  error(error: unknown): void {
    this.reading.handle.fail(error)
  }

  raw(response: Response, props: StainlessResponseProps): void {
    const { handle } = this.reading
    if (props.options.stream === true || !isJSON(response)) {
      handle.succeed(this.estimated())
      return
    }
    response
      .clone()
      .json()
      .then(
        (body: unknown) => handle.succeed(this.reading.readResult(body, this.reading.estimatedInputTokens)),
        () => handle.succeed(this.estimated()),
      )
  }

  private estimated(): CallResult {
    return estimatedResult(this.reading.estimatedInputTokens, 0)
  }
}

function isJSON(response: Response): boolean {
  return response.headers.get('content-type')?.includes('json') === true
}
