import { estimateTokens, IMAGE_EDIT_INPUT_TOKENS, imageOutputTokens, objectField, type ProviderRequest } from '@finops-ai/core'
import type { WrapImageGenerateOptions } from './ai-sdk-types.js'

/**
 * Reads one image model call before it is sent (`generateImage`): operation `generate_content`,
 * output type `image`, the model's id, an input estimate over the prompt plus
 * `IMAGE_EDIT_INPUT_TOKENS` per input image (`files`, an edit), and as output limit the image tokens
 * of `n` images of the requested `size` at `providerOptions.openai.quality` (see
 * `imageOutputTokens`; an unknown quality counts as high): the request fixes them, so they are
 * reserved and recorded as `gen_ai.request.max_tokens`.
 */
export function readImageRequest(model: { modelId: string }, params: WrapImageGenerateOptions['params']): ProviderRequest {
  const inputImages = Array.isArray(params.files) ? params.files.length : 0
  const quality = objectField(objectField(params.providerOptions)?.openai)?.quality
  const images = typeof params.n === 'number' && params.n > 0 ? params.n : 1
  return {
    operation: 'generate_content',
    model: model.modelId,
    stream: false,
    estimatedInputTokens: estimateTokens(params.prompt) + inputImages * IMAGE_EDIT_INPUT_TOKENS,
    maxOutputTokens: images * imageOutputTokens(params.size, quality),
    outputType: 'image',
  }
}
