import { estimatedResult, numberField, objectField, type CallResult } from '@finops-ai/core'
import type { EmbedResult } from './ai-sdk-types.js'

/**
 * The call result of an embedding model call: `usage.tokens` as input tokens (embeddings have no
 * output), the response model from the raw body when the provider kept it (`response.body.model`).
 * Without usage, the input estimate, flagged `estimated`.
 */
export function readEmbedResult(result: EmbedResult, estimatedInputTokens: number): CallResult {
  const known: Omit<CallResult, 'usage'> = {}
  const model = objectField(result.response?.body)?.model
  if (typeof model === 'string') known.responseModel = model
  const tokens = numberField(result.usage?.tokens)
  return tokens === undefined ? estimatedResult(estimatedInputTokens, 0, known) : { ...known, usage: { inputTokens: tokens, outputTokens: 0 } }
}

