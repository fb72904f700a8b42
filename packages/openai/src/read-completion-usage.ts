import { setUsageCount, type NormalizedUsage } from '@finops-ai/core'
import { numberField, objectField } from './operation-request.js'

/**
 * Normalizes the `usage` of chat completions, legacy completions and embeddings
 * (`CompletionUsage` / `CreateEmbeddingResponse.Usage`), streamed final chunks included:
 * `prompt_tokens` (cached and cache-written included, as OpenAI reports it), `completion_tokens`
 * (reasoning included), `prompt_tokens_details.cached_tokens`, `.cache_write_tokens` (written with
 * the default retention: chat completions report no TTL split), `.audio_tokens` and
 * `.image_tokens`, `completion_tokens_details.reasoning_tokens` and `.audio_tokens`.
 * Returns `undefined` when `usage` carries no token counts (e.g. `null` on intermediate chunks).
 */
export function readCompletionUsage(usage: unknown): NormalizedUsage | undefined {
  const fields = objectField(usage)
  const inputTokens = numberField(fields?.prompt_tokens)
  if (fields === undefined || inputTokens === undefined) return undefined
  const normalized: NormalizedUsage = { inputTokens, outputTokens: numberField(fields.completion_tokens) ?? 0 }
  const prompt = objectField(fields.prompt_tokens_details)
  const completion = objectField(fields.completion_tokens_details)
  setUsageCount(normalized, 'cacheReadTokens', prompt?.cached_tokens)
  setUsageCount(normalized, 'cacheWriteTokens', prompt?.cache_write_tokens)
  setUsageCount(normalized, 'inputAudioTokens', prompt?.audio_tokens)
  setUsageCount(normalized, 'inputImageTokens', prompt?.image_tokens)
  setUsageCount(normalized, 'reasoningTokens', completion?.reasoning_tokens)
  setUsageCount(normalized, 'outputAudioTokens', completion?.audio_tokens)
  return normalized
}
