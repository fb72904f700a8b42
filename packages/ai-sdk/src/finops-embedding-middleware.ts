import { beginCall, estimateTokens } from '@finops-ai/core'
import type { EmbeddingModelMiddleware } from 'ai'
import type { EmbedResult, WrapEmbedOptions } from './ai-sdk-types.js'
import type { FinOpsEmbeddingMiddlewareOptions } from './finops-middleware-options.js'
import { MiddlewareSettings } from './middleware-settings.js'
import { readEmbedResult } from './read-embed-result.js'
import { sendAdmitted } from './send-admitted.js'

/**
 * An embedding model middleware for `wrapEmbeddingModel` (AI SDK 6 and 7): every `doEmbed` of the
 * wrapped model (`embed`, and each chunk of `embedMany`) goes through finops-ai like a language
 * model call — attribution, guards before the request (a denial rejects with
 * `LimitExceededError` / `MissingAttributionError` and sends nothing), exact cost from
 * `usage.tokens`, one `embeddings` span and one usage record. Soft-limit downgrades are not applied
 * to embedding models.
 *
 * @throws ConfigError when `options.finops` is not an engine or `options.attribution` is invalid.
 * @example
 * const model = wrapEmbeddingModel({ model: openai.embedding('text-embedding-3-small'), middleware: finopsEmbeddingMiddleware() })
 */
export function finopsEmbeddingMiddleware(options: FinOpsEmbeddingMiddlewareOptions = {}): EmbeddingModelMiddleware {
  const settings = new MiddlewareSettings(options, 'finopsEmbeddingMiddleware')
  return {
    specificationVersion: 'v3',
    wrapEmbed: (call) => embed(settings, call),
  }
}

async function embed(settings: MiddlewareSettings, call: WrapEmbedOptions): Promise<EmbedResult> {
  const { model, params } = call
  const request = settings.complete(
    { operation: 'embeddings', model: model.modelId, stream: false, estimatedInputTokens: estimateTokens(params.values) },
    model,
  )
  const handle = await beginCall(settings.path, request)
  if (handle === undefined) return call.doEmbed()
  const result = await sendAdmitted(handle, call.doEmbed)
  handle.succeed(readEmbedResult(result, request.estimatedInputTokens))
  return result
}
