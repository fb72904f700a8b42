import { observeCallResult, type CallHandle, type CallResultReading, type ResponseObserver } from '@finops-ai/core'
import type { OpenAIOperation } from './openai-operations.js'
import type { OperationRequest } from './operation-request.js'
import type { StreamUsageMode } from './finops-openai-options.js'
import { trackCompletionStream } from './track-completion-stream.js'
import { trackResponseStream } from './track-response-stream.js'

/** How the responses of one operation are read: built once per patched `create`, shared by its calls. */
export interface OpenAIResultReaders {
  /** Reads a parsed body. */
  readResult: CallResultReading['readResult']
  /** Tracks a stream whose usage chunk the wrapper asked for (`stream_options.include_usage`): that chunk is hidden. */
  trackInjectedStream: CallResultReading['trackStream']
  /** Tracks a stream sent as the caller wrote it. */
  trackStream: CallResultReading['trackStream']
}

/**
 * The readers of `operation` under `streamUsage`: its result reader, and for streamed operations a
 * tracker of chunks (chat, legacy completions; text counted unless `streamUsage` is `'off'`) or
 * of Responses events. With `captureContent`, results also carry the completion
 * (`CallResult.outputContent`) and streams accumulate their text; without it, neither is built.
 */
export function openAIResultReaders(operation: OpenAIOperation, streamUsage: StreamUsageMode, captureContent = false): OpenAIResultReaders {
  const countText = streamUsage !== 'off'
  const readOutputContent = captureContent ? operation.readOutputContent : undefined
  const readResult: CallResultReading['readResult'] =
    readOutputContent === undefined
      ? operation.readResult
      : (body, estimatedInputTokens) => {
          const result = operation.readResult(body, estimatedInputTokens)
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
 */
export function observeOpenAICall(
  handle: CallHandle,
  request: OperationRequest,
  readers: OpenAIResultReaders,
  injectedUsage: boolean,
): ResponseObserver<unknown> {
  return observeCallResult({
    handle,
    estimatedInputTokens: request.estimatedInputTokens,
    readResult: readers.readResult,
    trackStream: injectedUsage ? readers.trackInjectedStream : readers.trackStream,
  })
}
