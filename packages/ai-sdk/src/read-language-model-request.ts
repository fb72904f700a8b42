import { estimateTokens, objectField, readRequestBasics, stringField, type ParameterFields, type ProviderRequest } from '@finops-ai/core'
import type { LanguageModelCallOptions } from './ai-sdk-types.js'

/** The call options recorded as `gen_ai.request.*` parameters (their names are the AI SDK's). */
const PARAMETER_FIELDS: ParameterFields = {
  temperature: 'temperature',
  topP: 'topP',
  topK: 'topK',
  frequencyPenalty: 'frequencyPenalty',
  presencePenalty: 'presencePenalty',
  stopSequences: 'stopSequences',
  seed: 'seed',
}

/**
 * Reads one language model call before it is sent: operation `text_completion` for
 * `*.completion` models (OpenAI's legacy completions), else `chat`; the model's id; the input
 * estimate from the prompt and tool definitions; `maxOutputTokens`; the sampling parameters; and
 * the service tier the caller asked for (`providerOptions.openai.serviceTier`).
 */
export function readLanguageModelRequest(
  model: { provider: string; modelId: string },
  params: LanguageModelCallOptions,
  stream: boolean,
): ProviderRequest {
  const operation = model.provider.endsWith('.completion') ? 'text_completion' : 'chat'
  const fields = params as unknown as Record<string, unknown>
  const request = readRequestBasics(fields, operation, estimateTokens(params.prompt, params.tools), params.maxOutputTokens, PARAMETER_FIELDS)
  request.model = model.modelId
  request.stream = stream
  const serviceTier = stringField(objectField(objectField(params.providerOptions)?.openai)?.serviceTier)
  if (serviceTier !== undefined) request.serviceTier = serviceTier
  return request
}
