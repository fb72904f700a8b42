import { estimatedResult, type CallResult } from '@finops-ai/core'
import { objectField, stringField } from './operation-request.js'
import { readCompletionUsage } from './read-completion-usage.js'

/**
 * Reads a `CreateEmbeddingResponse`: `model` and `usage.prompt_tokens` (embeddings have no output
 * tokens). Without `usage` the input estimate is settled, flagged `estimated`.
 */
export function readEmbeddingsResult(body: unknown, estimatedInputTokens: number): CallResult {
  const fields = objectField(body) ?? {}
  const known: Omit<CallResult, 'usage'> = {}
  const responseModel = stringField(fields.model)
  if (responseModel !== undefined) known.responseModel = responseModel
  const usage = readCompletionUsage(fields.usage)
  return usage ? { ...known, usage: { ...usage, outputTokens: 0 } } : estimatedResult(estimatedInputTokens, 0, known)
}
