import { beginCall } from '@finops-ai/core'
import type { ImageModelMiddleware } from 'ai'
import type { ImageGenerateResult, WrapImageGenerateOptions } from './ai-sdk-types.js'
import type { FinOpsImageMiddlewareOptions } from './finops-middleware-options.js'
import { MiddlewareSettings } from './middleware-settings.js'
import { readImageRequest } from './read-image-request.js'
import { readImageResult } from './read-image-result.js'
import { sendAdmitted } from './send-admitted.js'

/**
 * An image model middleware for `wrapImageModel` (AI SDK 6 and 7): every `doGenerate` of the
 * wrapped model (`generateImage`, each batch when `n` exceeds the model's images per call) goes
 * through finops-ai — attribution, guards before the request with the image tokens of the
 * requested images reserved (a denial rejects with `LimitExceededError` /
 * `MissingAttributionError` and sends nothing), exact cost from the reported token usage (text
 * input, image input and image output tokens at their own prices), one `generate_content` span
 * and one usage record. A model that reports no usage (billed per image) settles the input
 * estimate, flagged `estimated`. Soft-limit downgrades are not applied to image models.
 *
 * @throws ConfigError when `options.finops` is not an engine or `options.attribution` is invalid.
 * @example
 * const model = wrapImageModel({ model: openai.image('gpt-image-1'), middleware: finopsImageMiddleware({ attribution: { team: 'design' } }) })
 */
export function finopsImageMiddleware(options: FinOpsImageMiddlewareOptions = {}): ImageModelMiddleware {
  const settings = new MiddlewareSettings(options, 'finopsImageMiddleware')
  return {
    specificationVersion: 'v3',
    wrapGenerate: (call) => generate(settings, call),
  }
}

async function generate(settings: MiddlewareSettings, call: WrapImageGenerateOptions): Promise<ImageGenerateResult> {
  const request = settings.complete(readImageRequest(call.model, call.params), call.model)
  const handle = await beginCall(settings.path, request)
  if (handle === undefined) return call.doGenerate()
  const result = await sendAdmitted(handle, call.doGenerate)
  handle.succeed(readImageResult(result, request.estimatedInputTokens))
  return result
}
