import { diag } from '@opentelemetry/api'
import { beginCall, estimatedResult, observeReadableStream, type CachedResponse, type CallHandle, type CallRequest, type CallResult } from '@finops-ai/core'
import type { LanguageModelMiddleware } from 'ai'
import { readGeneratedContent, readPromptContent } from './ai-sdk-content.js'
import { cachedGenerated, cachedStream, cacheParams, captureGenerated, capturingStream } from './ai-sdk-response-cache.js'
import type { GenerateResult, StreamResult, WrapGenerateOptions, WrapStreamOptions } from './ai-sdk-types.js'
import type { FinOpsMiddlewareOptions } from './finops-middleware-options.js'
import { MiddlewareSettings } from './middleware-settings.js'
import { readLanguageModelRequest } from './read-language-model-request.js'
import { readLanguageModelResult } from './read-language-model-result.js'
import { sendAdmitted } from './send-admitted.js'
import { trackLanguageModelStream } from './track-language-model-stream.js'

/**
 * A language model middleware for `wrapLanguageModel` (AI SDK 6 and 7) that routes every call of
 * the wrapped model through finops-ai: attribution (`withAttribution` scopes, then
 * `options.attribution`, then the engine's defaults), guards before the request, exact cost, one
 * OpenTelemetry GenAI span and one usage record per model call.
 *
 * - `generateText` / `generateObject` (`wrapGenerate`): usage, response id and model, finish
 *   reason and service tier from the result.
 * - `streamText` / `streamObject` (`wrapStream`): the stream is observed as the caller reads it;
 *   usage from the `finish` part; the first part marks the first chunk; a stream cancelled,
 *   aborted or cut before `finish` settles an estimate flagged `finops.usage.estimated`.
 * - A denial (`LimitExceededError`, `MissingAttributionError`) rejects the model call before any
 *   request is sent. The AI SDK retries only retryable `APICallError`s, so `generateText` throws
 *   the denial itself, once; `streamText` reports it as an `error` part (`onError`) and its
 *   `text` promise rejects.
 * - Each model call is one call: a multi-step `generateText` (tools) records each step, and each
 *   of the AI SDK's retries of a failed request is recorded as its own (failed or succeeded) call.
 *
 * - With the engine's response cache (`createFinOps({ cache })`), a call that opted in and was
 *   answered before gets the stored result (a stream its stored parts) without a request, recorded
 *   as a hit.
 *
 * Provider names follow the semantic conventions (`openai.responses` → `openai`,
 * `anthropic.messages` → `anthropic`, ...). Soft-limit downgrades apply only with
 * `options.modelFor`. Prompt and completion content is recorded on the span only when the engine
 * captures content (`captureContent`, env `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`).
 *
 * @throws ConfigError when `options.finops` is not an engine or `options.attribution` is invalid.
 * @example
 * const model = wrapLanguageModel({ model: openai('gpt-4o'), middleware: finopsMiddleware({ attribution: { team: 'support' } }) })
 */
export function finopsMiddleware(options: FinOpsMiddlewareOptions = {}): LanguageModelMiddleware {
  const middleware = new LanguageModelCalls(new MiddlewareSettings(options, 'finopsMiddleware'), options.modelFor)
  return {
    specificationVersion: 'v3',
    wrapGenerate: (call) => middleware.generate(call),
    wrapStream: (call) => middleware.stream(call),
  }
}

/** Runs the language model calls of one middleware through its engine's call path. */
class LanguageModelCalls {
  /** Fixed for the engine's life: read once, so a call without capture builds no content. */
  private readonly captureContent: boolean

  constructor(
    private readonly settings: MiddlewareSettings,
    private readonly modelFor: FinOpsMiddlewareOptions['modelFor'],
  ) {
    this.captureContent = settings.path.captureContent === true
  }

  async generate(call: WrapGenerateOptions): Promise<GenerateResult> {
    const request = this.request(call, false)
    const handle = request && (await beginCall(this.settings.path, request))
    if (request === undefined || handle === undefined) return call.doGenerate()
    const cached = handle.cachedResponse
    const generated = cached === undefined ? await sendAdmitted(handle, () => this.modelToSend(call, request, handle)?.doGenerate(call.params) ?? call.doGenerate()) : this.replayed(handle, cached, cachedGenerated)
    captureGenerated(handle, generated)
    handle.succeed(this.generatedResult(generated, request))
    return generated
  }

  async stream(call: WrapStreamOptions): Promise<StreamResult> {
    const request = this.request(call, true)
    const handle = request && (await beginCall(this.settings.path, request))
    if (request === undefined || handle === undefined) return call.doStream()
    const cached = handle.cachedResponse
    const result = cached === undefined ? await sendAdmitted(handle, () => this.modelToSend(call, request, handle)?.doStream(call.params) ?? call.doStream()) : this.replayed(handle, cached, cachedStream)
    const tracker = capturingStream(handle, result, trackLanguageModelStream(handle, request.estimatedInputTokens, this.captureContent))
    return { ...result, stream: observeReadableStream(result.stream, tracker, call.params.abortSignal) }
  }

  /** A response-cache hit decoded by `decode`; a cache entry it cannot read fails the call (nothing was sent). */
  private replayed<Result>(handle: CallHandle, cached: CachedResponse, decode: (cached: CachedResponse) => Result): Result {
    try {
      return decode(cached)
    } catch (error) {
      handle.fail(error)
      throw error
    }
  }

  /** The call as the engine takes it; `undefined` (logged) when it cannot be read: the call is then sent unobserved. */
  private request(call: WrapGenerateOptions, stream: boolean): CallRequest | undefined {
    try {
      const request = this.settings.complete(readLanguageModelRequest(call.model, call.params, stream), call.model)
      if (this.captureContent) request.content = readPromptContent(call.params.prompt)
      request.apiMethod = `${call.model.provider}.${stream ? 'doStream' : 'doGenerate'}`
      request.params = cacheParams(call.model.modelId, call.params)
      return request
    } catch (error) {
      diag.error('finops-ai: reading an AI SDK call failed; sending it unobserved', error)
      return undefined
    }
  }

  /** What a `doGenerate` result reports; the input estimate (flagged) if reading it fails, logged: never the caller's error. */
  private generatedResult(generated: GenerateResult, request: CallRequest): CallResult {
    try {
      const result = readLanguageModelResult(
        {
          usage: generated.usage,
          finishReason: generated.finishReason,
          providerMetadata: generated.providerMetadata,
          responseId: generated.response?.id,
          responseModel: generated.response?.modelId,
        },
        request.estimatedInputTokens,
        () => generatedCharacters(generated),
      )
      if (this.captureContent) result.outputContent = readGeneratedContent(generated, result.finishReasons?.[0])
      return result
    } catch (error) {
      diag.error('finops-ai: reading an AI SDK result failed; settling the input estimate', error)
      return estimatedResult(request.estimatedInputTokens, 0)
    }
  }

  /** The downgrade's model when the engine downgraded the call and `modelFor` can build it; else `undefined`: send as requested. */
  private modelToSend(call: WrapGenerateOptions, request: CallRequest, handle: CallHandle): WrapGenerateOptions['model'] | undefined {
    if (handle.model === request.model) return undefined
    if (this.modelFor === undefined) {
      diag.warn(`finops-ai: a soft limit downgrades ${request.model} to ${handle.model}, but the middleware has no modelFor option; sending ${request.model}`)
      return undefined
    }
    return this.modelFor(handle.model) as WrapGenerateOptions['model']
  }
}

/** Characters of the text, reasoning and tool-call input a result generated (for an estimate without usage). */
function generatedCharacters(result: GenerateResult): number {
  let characters = 0
  for (const part of result.content) {
    if (part.type === 'text' || part.type === 'reasoning') characters += part.text.length
    else if (part.type === 'tool-call') characters += part.input.length
  }
  return characters
}
