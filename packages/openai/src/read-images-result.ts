import { estimatedResult, type CallResult } from '@finops-ai/core'
import { objectField } from './operation-request.js'
import { readImagesUsage } from './read-images-usage.js'

/**
 * Reads an `ImagesResponse` (`images.generate`, `images.edit`): its `usage` (see
 * `readImagesUsage`). It names no model and no id. Without `usage` the input estimate is settled,
 * flagged `estimated`. The separate `svg_usage` of SVG output (another model's tokens) is not read.
 */
export function readImagesResult(body: unknown, estimatedInputTokens: number): CallResult {
  const usage = readImagesUsage(objectField(body)?.usage)
  return usage ? { usage } : estimatedResult(estimatedInputTokens, 0)
}
