import { estimateTokens, readRequestBasics, type ParameterFields } from '@finops-ai/core'
import { numberField, type OperationRequest, type RequestBody } from './operation-request.js'

/** Where chat completions put their `gen_ai.request.*` parameters (legacy completions share them). */
export const completionParameterFields: ParameterFields = {
  temperature: 'temperature',
  topP: 'top_p',
  frequencyPenalty: 'frequency_penalty',
  presencePenalty: 'presence_penalty',
  seed: 'seed',
  choiceCount: 'n',
  stopSequences: 'stop',
}

/**
 * Reads a `chat.completions.create` call: operation `chat`, `model`, `stream`,
 * `max_completion_tokens` (or the older `max_tokens`), `service_tier`, sampling parameters, and an
 * input estimate over `messages` (and tool definitions).
 */
export function readChatRequest(body: RequestBody): OperationRequest {
  const maxOutputTokens = numberField(body.max_completion_tokens) ?? body.max_tokens
  return readRequestBasics(body, 'chat', estimateTokens(body.messages, body.tools), maxOutputTokens, completionParameterFields)
}
