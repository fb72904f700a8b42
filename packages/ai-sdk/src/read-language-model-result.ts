import { estimatedResult, type CallResult } from '@finops-ai/core'
import { readAiSdkUsage } from './read-ai-sdk-usage.js'
import { readFinishReason } from './read-finish-reason.js'
import { readServiceTier } from './read-service-tier.js'

/** What a language model call reports when it finishes: a `doGenerate` result or a stream's parts. */
export interface LanguageModelOutcome {
  /** `usage` of the result or of the `finish` part. */
  usage: unknown
  /** `finishReason`: `{ unified, raw }` (V3, V4) or a string (V2). */
  finishReason: unknown
  /** `providerMetadata` of the result or of the `finish` part. */
  providerMetadata: unknown
  /** `response.id` or the `response-metadata` part's `id`. */
  responseId: string | undefined
  /** `response.modelId` or the `response-metadata` part's `modelId`. */
  responseModel: string | undefined
}

/**
 * The call result of a finished language model call: usage ({@link readAiSdkUsage}), response id
 * and model, the finish reason ({@link readFinishReason}), and the service tier
 * ({@link readServiceTier}). Without usage, the input estimate and `outputCharacters` of generated
 * text (about 4 per token), flagged `estimated`.
 */
export function readLanguageModelResult(outcome: LanguageModelOutcome, estimatedInputTokens: number, outputCharacters: () => number): CallResult {
  const known: Omit<CallResult, 'usage'> = {}
  if (outcome.responseId !== undefined) known.responseId = outcome.responseId
  if (outcome.responseModel !== undefined) known.responseModel = outcome.responseModel
  const finishReason = readFinishReason(outcome.finishReason)
  if (finishReason !== undefined) known.finishReasons = [finishReason]
  const serviceTier = readServiceTier(outcome.providerMetadata)
  if (serviceTier !== undefined) known.serviceTier = serviceTier
  const usage = readAiSdkUsage(outcome.usage, outcome.providerMetadata)
  return usage === undefined ? estimatedResult(estimatedInputTokens, outputCharacters(), known) : { ...known, usage }
}
