import { APIPromise } from '@anthropic-ai/sdk'
import {
  callThroughPath,
  completeRequest,
  observeCallResult,
  resourceAt,
  wrapClientOnce,
  type Attribution,
  type CallHandle,
  type CallPath,
  type CallResult,
  type StreamObserver,
  type CallRequest,
  type CreateResource,
  type ProviderEndpoint,
  type StainlessAPIPromise,
  type StainlessAPIPromiseClass,
} from '@finops-ai/core'
import { readMessageOutputContent, readMessagesContent } from './anthropic-content.js'
import { patchAnthropicBatches } from './anthropic-batches.js'
import { inputTokenCounter, type CountingResource } from './count-input-tokens.js'
import { detectAnthropicProvider } from './detect-anthropic-provider.js'
import { readMessageResult } from './read-message-result.js'
import { readMessagesRequest } from './read-messages-request.js'
import { reparentPlaceholderSpan, suppressNativeCallSpans } from './suppress-native-call-spans.js'
import { trackMessageStream } from './track-message-stream.js'

/** How a client is wrapped. */
export interface WrapSettings {
  /** The client's default attribution. */
  attribution?: Attribution
  /** See `FinOpsAnthropicOptions.countTokens`. */
  countTokens: boolean
}

/**
 * The resources whose `create` is patched. The SDK's helpers go through them on the same client:
 * `messages.parse` and `messages.stream` call `messages.create`; `beta.messages.parse`,
 * `beta.messages.stream` and `beta.messages.toolRunner` call `beta.messages.create`.
 */
const MESSAGES_RESOURCES: ReadonlyArray<readonly string[]> = [['messages'], ['beta', 'messages']]

/**
 * Routes every `messages.create` and `beta.messages.create` of `client` through `path`, in place,
 * and returns `client` (core's `wrapClientOnce`: instance-only patches, `withOptions()` clones
 * wrapped, wrapping twice a no-op). The SDK's own call spans for these calls are suppressed
 * ({@link suppressNativeCallSpans}); the provider is detected once, here.
 */
export function wrapAnthropic<Client extends object>(client: Client, path: CallPath, settings: WrapSettings): Client {
  return wrapClientOnce(client, (target) => {
    const endpoint = detectAnthropicProvider(target)
    suppressNativeCallSpans(target)
    for (const names of MESSAGES_RESOURCES) {
      const resource = resourceAt(target, names)
      if (resource) patchCreate(target, resource, `${names.join('.')}.create`, path, endpoint, settings)
    }
    if (path.billedUsage !== undefined) patchAnthropicBatches(target, path.billedUsage, endpoint, settings.attribution)
  }, path)
}

function patchCreate(
  client: object,
  resource: CreateResource,
  apiMethod: string,
  path: CallPath,
  endpoint: ProviderEndpoint,
  settings: WrapSettings,
): void {
  const original = resource.create as (this: unknown, body: Record<string, unknown>, options?: unknown) => StainlessAPIPromise<unknown>
  // Fixed for the engine's life: read once, so a call without capture builds no content.
  const captureContent = path.captureContent === true
  const readResult = captureContent ? readMessageWithContent : readMessageResult
  const trackStream = captureContent ? trackMessageStreamWithContent : trackMessageStream
  Object.defineProperty(resource, 'create', {
    configurable: true,
    writable: true,
    value: function create(body: Record<string, unknown>, options?: unknown) {
      if (typeof body !== 'object' || body === null) return original.call(resource, body, options)
      let request: CallRequest
      try {
        request = completeRequest(readMessagesRequest(body), endpoint, settings.attribution)
        if (captureContent) request.content = readMessagesContent(body)
        // What the response cache keys on (when it is on and the call opts in).
        request.apiMethod = apiMethod
        request.params = body
        if (options !== undefined) request.requestOptions = options
        if (settings.countTokens) request.countInputTokens = inputTokenCounter(resource as CountingResource, body, options)
      } catch {
        return original.call(resource, body, options)
      }
      return callThroughPath({
        path,
        request,
        APIPromise: APIPromise as unknown as StainlessAPIPromiseClass,
        client: resource._client ?? client,
        send: (model) =>
          original.call(resource, model === body.model ? body : { ...body, model }, reparentPlaceholderSpan(options)),
        observe: (handle) =>
          observeCallResult({
            handle,
            estimatedInputTokens: request.estimatedInputTokens,
            readResult,
            trackStream,
          }),
      })
    },
  })
}


function readMessageWithContent(message: unknown, estimatedInputTokens: number): CallResult {
  const result = readMessageResult(message, estimatedInputTokens)
  result.outputContent = readMessageOutputContent(message)
  return result
}

function trackMessageStreamWithContent(handle: CallHandle, estimatedInputTokens: number): StreamObserver<unknown> {
  return trackMessageStream(handle, estimatedInputTokens, true)
}
