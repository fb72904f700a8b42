import type { CallHandle } from '../call/call-path.js'
import type { CallResult } from '../call/call-result.js'
import { estimatedResult } from './estimated-result.js'
import type { ResponseObserver } from './observe-api-promise.js'
import { observeStream, type StreamObserver } from './observe-stream.js'

/** How {@link observeCallResult} reads one admitted call's response. */
export interface CallResultReading {
  /** The admitted call to settle. */
  handle: CallHandle
  /** The request's input estimate, settled (flagged `estimated`) when no usage can be read. */
  estimatedInputTokens: number
  /** Reads a parsed, non-streamed response body (JSON). */
  readResult(body: unknown): CallResult
  /**
   * Builds the observer of a streamed response (`stream: true` in the request options), which
   * settles the call when the stream ends. Absent: the operation never streams.
   */
  trackStream?(): StreamObserver<unknown>
}

/**
 * The {@link ResponseObserver} every provider adapter uses: a parsed body succeeds with what
 * `readResult` reads; a stream is observed in place ({@link observeStream}) and settles when it
 * ends; a request error fails the call with the SDK's own error. Raw-only access (`asResponse()`):
 * a JSON body is read from a clone of the response; a raw stream (or a body that cannot be read)
 * settles the input estimate, flagged `estimated`.
 */
export function observeCallResult(reading: CallResultReading): ResponseObserver<unknown> {
  const { handle } = reading
  const estimated = () => estimatedResult(reading.estimatedInputTokens, 0)
  return {
    data(data, props) {
      if (props.options.stream === true && reading.trackStream !== undefined) return observeStream(data, reading.trackStream())
      handle.succeed(reading.readResult(data))
      return data
    },
    error(error) {
      handle.fail(error)
    },
    raw(response, props) {
      if (props.options.stream === true || !isJSON(response)) {
        handle.succeed(estimated())
        return
      }
      response
        .clone()
        .json()
        .then(
          (body: unknown) => handle.succeed(reading.readResult(body)),
          () => handle.succeed(estimated()),
        )
    },
  }
}

function isJSON(response: Response): boolean {
  return response.headers.get('content-type')?.includes('json') === true
}
