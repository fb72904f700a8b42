import { observeCallResult, type CallHandle, type ResponseObserver } from '@finops-ai/core'
import type { OpenAIOperation } from './openai-operations.js'
import type { OperationRequest } from './operation-request.js'
import type { StreamUsageMode } from './finops-openai-options.js'
import { trackCompletionStream } from './track-completion-stream.js'
import { trackResponseStream } from './track-response-stream.js'

/** One admitted call as the observer needs it. */
export interface ObservedCall {
  handle: CallHandle
  operation: OpenAIOperation
  request: OperationRequest
  streamUsage: StreamUsageMode
  /** True when the wrapper added `stream_options.include_usage` (its chunk is then hidden). */
  injectedUsage: boolean
}

/**
 * Settles one call from its `APIPromise` (through core's `observeCallResult`): a parsed body
 * succeeds with the operation's result reader; a stream of chunks or Responses events is tracked
 * by its tracker; a request error fails the call with the SDK's own error; raw-only access reads
 * a JSON body from a clone, a raw stream settles the input estimate, flagged `estimated`.
 */
export function observeOpenAICall(call: ObservedCall): ResponseObserver<unknown> {
  const { handle, operation, request } = call
  const streams = operation.stream
  return observeCallResult({
    handle,
    estimatedInputTokens: request.estimatedInputTokens,
    readResult: (body) => operation.readResult(body, request.estimatedInputTokens),
    ...(streams === undefined
      ? {}
      : {
          trackStream: () =>
            streams === 'events'
              ? trackResponseStream(handle, request.estimatedInputTokens)
              : trackCompletionStream({
                  handle,
                  estimatedInputTokens: request.estimatedInputTokens,
                  hideUsageChunk: call.injectedUsage,
                  countText: call.streamUsage !== 'off',
                }),
        }),
  })
}
