import { estimateTokens, HIGH_FIDELITY_IMAGE_TOKENS, IMAGE_EDIT_INPUT_TOKENS, imageOutputTokens, numberField, PARTIAL_IMAGE_TOKENS, readRequestBasics } from '@finops-ai/core'
import type { OperationRequest, RequestBody } from './operation-request.js'

/**
 * Reads an `images.generate` call: operation `generate_content`, output type `image`, `model`, `stream`, an input
 * estimate over `prompt`, and as output limit the image tokens of `n` images (default 1) of the
 * requested `size` and `quality` (see `imageOutputTokens`) plus 100 per streamed partial image:
 * the request fixes them, so they are reserved and recorded as `gen_ai.request.max_tokens`.
 */
export function readImageGenerationRequest(body: RequestBody): OperationRequest {
  const request = readRequestBasics(body, 'generate_content', estimateTokens(body.prompt), expectedImageTokens(body))
  request.outputType = 'image'
  return request
}

/**
 * Reads an `images.edit` call like {@link readImageGenerationRequest}, with an input allowance of
 * `IMAGE_EDIT_INPUT_TOKENS` per input image (`image`: one upload or an array), plus
 * `HIGH_FIDELITY_IMAGE_TOKENS` each with `input_fidelity: 'high'`. The mask is not counted.
 */
export function readImageEditRequest(body: RequestBody): OperationRequest {
  const images = Array.isArray(body.image) ? body.image.length : body.image === undefined ? 0 : 1
  const perImage = IMAGE_EDIT_INPUT_TOKENS + (body.input_fidelity === 'high' ? HIGH_FIDELITY_IMAGE_TOKENS : 0)
  const request = readRequestBasics(body, 'generate_content', estimateTokens(body.prompt) + images * perImage, expectedImageTokens(body))
  request.outputType = 'image'
  return request
}

function expectedImageTokens(body: RequestBody): number {
  const count = numberField(body.n) ?? 1
  const partials = body.stream === true ? (numberField(body.partial_images) ?? 0) : 0
  return count * imageOutputTokens(body.size, body.quality) + partials * PARTIAL_IMAGE_TOKENS
}
