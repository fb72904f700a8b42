import { estimatedResult, numberField, objectField, setUsageCount, type CallResult, type NormalizedUsage } from '@finops-ai/core'
import type { ImageGenerateResult } from './ai-sdk-types.js'

/**
 * The call result of an image model call: `usage.inputTokens` / `usage.outputTokens` (GPT image
 * models report them), the input image tokens from `providerMetadata.openai.images[].imageTokens`
 * (the AI SDK spreads OpenAI's `input_tokens_details.image_tokens` over the images), and every
 * output token as an image output token (the generated images are the whole output, as OpenAI
 * bills them); the response model from `response.modelId`. Without usage (models billed per
 * image), the input estimate, flagged `estimated`.
 */
export function readImageResult(result: ImageGenerateResult, estimatedInputTokens: number): CallResult {
  const known: Omit<CallResult, 'usage'> = {}
  const model = result.response?.modelId
  if (typeof model === 'string') known.responseModel = model
  const inputTokens = numberField(result.usage?.inputTokens)
  if (inputTokens === undefined) return estimatedResult(estimatedInputTokens, 0, known)
  const outputTokens = numberField(result.usage?.outputTokens) ?? 0
  const usage: NormalizedUsage = { inputTokens, outputTokens }
  setUsageCount(usage, 'inputImageTokens', inputImageTokens(result.providerMetadata))
  setUsageCount(usage, 'outputImageTokens', outputTokens)
  return { ...known, usage }
}

/** The sum of `providerMetadata.openai.images[].imageTokens`, or `undefined` when no image reports them. */
function inputImageTokens(metadata: unknown): number | undefined {
  const images = objectField(objectField(metadata)?.openai)?.images
  if (!Array.isArray(images)) return undefined
  let total: number | undefined
  for (const image of images) {
    const tokens = numberField(objectField(image)?.imageTokens)
    if (tokens !== undefined) total = (total ?? 0) + tokens
  }
  return total
}
