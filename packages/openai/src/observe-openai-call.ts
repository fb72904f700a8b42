import { observeCallResult, type CallHandle, type CallResult, type CallResultReading, type ResponseObserver } from '@finops-ai/core'
import { EstimatedRawObserver } from './estimated-raw-observer.js'
import type { OpenAIOperation } from './openai-operations.js'
import type { OperationRequest } from './operation-request.js'
import type { StreamUsageMode } from './finops-openai-options.js'
import { trackCompletionStream } from './track-completion-stream.js'
import { trackResponseStream } from './track-response-stream.js'
import { trackImageStream } from './track-image-stream.js'
import { trackTranscriptionStream } from './track-transcription-stream.js'

/** How the responses of one operation are read: built once per patched `create`, shared by its calls. */
export interface OpenAIResultReaders {
  /** Reads a parsed body; `estimate` as in `OpenAIOperation.readResult`. */
  readResult: OpenAIOperation['readResult']
  /** Tracks a stream whose usage chunk the wrapper asked for (`stream_options.include_usage`): that chunk is hidden. */
  trackInjectedStream: CallResultReading['trackStream']
  /** Tracks a stream sent as the caller wrote it. */
  trackStream: CallResultReading['trackStream']
}

/**
 * The readers of `operation` under `streamUsage`: its result reader, and for streamed operations a
 * tracker of chunks (chat, legacy completions; text counted unless `streamUsage` is `'off'`), of
 * Responses events, of image events or of transcript events. With `captureContent`, results also carry the completion
 * (`CallResult.outputContent`) and streams accumulate their text; without it, neither is built.
 */
export function openAIResultReaders(operation: OpenAIOperation, streamUsage: StreamUsageMode, captureContent = false): OpenAIResultReaders {
  const countText = streamUsage !== 'off'
  const readOutputContent = captureContent ? operation.readOutputContent : undefined
  const readResult: OpenAIOperation['readResult'] =
    readOutputContent === undefined
      ? operation.readResult
      : (body, estimatedInputTokens, estimate) => {
          const result = operation.readResult(body, estimatedInputTokens, estimate)
          result.outputContent = readOutputContent(body)
          return result
        }
  const chunks = (hideUsageChunk: boolean): CallResultReading['trackStream'] => (handle, estimatedInputTokens) =>
    trackCompletionStream({ handle, estimatedInputTokens, hideUsageChunk, countText, captureContent })
  const events: CallResultReading['trackStream'] = captureContent
    ? (handle, estimatedInputTokens) => trackResponseStream(handle, estimatedInputTokens, true)
    : trackResponseStream
  switch (operation.stream) {
    case 'chunks':
      return { readResult, trackInjectedStream: chunks(true), trackStream: chunks(false) }
    case 'events':
      return { readResult, trackInjectedStream: events, trackStream: events }
    case 'images':
      return { readResult, trackInjectedStream: trackImageStream, trackStream: trackImageStream }
    case 'transcript':
      return { readResult, trackInjectedStream: trackTranscriptionStream, trackStream: trackTranscriptionStream }
    default:
      return { readResult, trackInjectedStream: undefined, trackStream: undefined }
  }
}

/**
 * Settles one call from its `APIPromise` (through core's `observeCallResult`): a parsed body
 * succeeds with the operation's result reader; a stream of chunks or Responses events is tracked
 * by its tracker (`injectedUsage`: the wrapper added `stream_options.include_usage`, so its usage
 * chunk is hidden); a request error fails the call with the SDK's own error; raw-only access reads
 * a JSON body from a clone, a raw stream settles the input estimate, flagged `estimated`.
 *
 * With `estimate` (operations whose response may report no usage, see
 * `OpenAIOperation.estimateResult`), a body without usage and raw-only access to a body that is
 * not JSON settle that estimate instead.
 */
export function observeOpenAICall(
  handle: CallHandle,
  request: OperationRequest,
  readers: OpenAIResultReaders,
  injectedUsage: boolean,
  estimate?: CallResult,
): ResponseObserver<unknown> {
  const { readResult } = readers
  const observer = observeCallResult({
    handle,
    estimatedInputTokens: request.estimatedInputTokens,
    readResult: estimate === undefined ? readResult : (body, estimatedInputTokens) => readResult(body, estimatedInputTokens, estimate),
    trackStream: injectedUsage ? readers.trackInjectedStream : readers.trackStream,
  })
  return estimate === undefined ? observer : new EstimatedRawObserver(observer, handle, estimate)
}
