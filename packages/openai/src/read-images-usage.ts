import { setUsageCount, type NormalizedUsage } from '@finops-ai/core'
import { numberField, objectField } from './operation-request.js'

/**
 * Normalizes the `usage` of a GPT image model (an `ImagesResponse`, or an `image_generation.completed`
 * / `image_edit.completed` stream event): `input_tokens` (text and image), its
 * `input_tokens_details.image_tokens` (and `cached_tokens` when reported), `output_tokens`, and as
 * output image tokens `output_tokens_details.image_tokens`, or all output tokens when no details
 * are given (the generated image is the whole output). Returns `undefined` without token counts
 * (models that report no usage).
 */
export function readImagesUsage(usage: unknown): NormalizedUsage | undefined {
  const fields = objectField(usage)
  const inputTokens = numberField(fields?.input_tokens)
  if (fields === undefined || inputTokens === undefined) return undefined
  const outputTokens = numberField(fields.output_tokens) ?? 0
  const normalized: NormalizedUsage = { inputTokens, outputTokens }
  const inputDetails = objectField(fields.input_tokens_details)
  setUsageCount(normalized, 'inputImageTokens', inputDetails?.image_tokens)
  setUsageCount(normalized, 'cacheReadTokens', inputDetails?.cached_tokens)
  const outputDetails = objectField(fields.output_tokens_details)
  setUsageCount(normalized, 'outputImageTokens', outputDetails === undefined ? outputTokens : outputDetails.image_tokens)
  return normalized
}
