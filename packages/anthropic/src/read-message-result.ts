import { estimatedResult, objectField, readResponseIdentity, stringField, type CallResult } from '@finops-ai/core'
import { readAnthropicUsage, readInferenceGeo } from './read-anthropic-usage.js'

/**
 * Reads a `Message` / `BetaMessage`: `id`, `model`, `stop_reason` (as the one finish reason),
 * `usage.service_tier`, `usage.inference_geo` and `usage` ({@link readAnthropicUsage}). Without usage (a compatible server
 * that omits it) the output is estimated from the text of the content blocks, flagged `estimated`.
 */
export function readMessageResult(message: unknown, estimatedInputTokens: number): CallResult {
  const fields = objectField(message) ?? {}
  const known = readMessageFields(fields)
  const usage = readAnthropicUsage(fields.usage)
  if (usage) {
    // Completed in place: `known` is this call's own object, so no copy per call.
    const result = known as CallResult
    result.usage = usage
    return result
  }
  let characters = 0
  if (Array.isArray(fields.content)) for (const block of fields.content) characters += blockCharacters(objectField(block))
  return estimatedResult(estimatedInputTokens, characters, known)
}

/** The response fields of a message (or a stream's `message_start` message), usage aside. */
export function readMessageFields(fields: Record<string, unknown>): Omit<CallResult, 'usage'> {
  const known = readResponseIdentity(fields, objectField(fields.usage)?.service_tier)
  const stopReason = stringField(fields.stop_reason)
  if (stopReason !== undefined) known.finishReasons = [stopReason]
  const inferenceGeo = readInferenceGeo(fields.usage)
  if (inferenceGeo !== undefined) known.inferenceGeo = inferenceGeo
  return known
}

function blockCharacters(block: Record<string, unknown> | undefined): number {
  if (block === undefined) return 0
  if (typeof block.text === 'string') return block.text.length
  if (typeof block.thinking === 'string') return block.thinking.length
  if (block.input !== undefined) return JSON.stringify(block.input).length
  return 0
}
