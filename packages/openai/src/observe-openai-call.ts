import { observeStream, type CallHandle, type ResponseObserver } from '@finops-ai/core'
import { estimatedResult } from './estimated-result.js'
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
 * Settles one call from its `APIPromise`: a parsed body succeeds with its usage; a stream is
 * observed in place and settles when it ends; a request error fails the call with the SDK's own
 * error. Raw-only access (`asResponse()`): a JSON body is read from a clone of the response for its
 * usage; a raw stream settles the input estimate, flagged `estimated`.
 */
export function observeOpenAICall(call: ObservedCall): ResponseObserver<unknown> {
  const { handle, operation, request } = call
  return {
    data(data, props) {
      if (props.options.stream === true && operation.stream !== undefined) {
        const tracker =
          operation.stream === 'events'
            ? trackResponseStream(handle, request.estimatedInputTokens)
            : trackCompletionStream({
                handle,
                estimatedInputTokens: request.estimatedInputTokens,
                hideUsageChunk: call.injectedUsage,
                countText: call.streamUsage !== 'off',
              })
        return observeStream(data, tracker)
      }
      handle.succeed(operation.readResult(data, request.estimatedInputTokens))
      return data
    },
    error(error) {
      handle.fail(error)
    },
    raw(response, props) {
      if (props.options.stream === true || !isJSON(response)) {
        handle.succeed(estimatedResult(request.estimatedInputTokens, 0))
        return
      }
      response
        .clone()
        .json()
        .then(
          (body: unknown) => handle.succeed(operation.readResult(body, request.estimatedInputTokens)),
          () => handle.succeed(estimatedResult(request.estimatedInputTokens, 0)),
        )
    },
  }
}

function isJSON(response: Response): boolean {
  return response.headers.get('content-type')?.includes('json') === true
}
