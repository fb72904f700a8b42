import { estimateTokens, readRequestBasics, type ParameterFields } from '@finops-ai/core'
import { CHAT_COMPLETIONS_API } from './openai-attributes.js'
import { numberField, type OperationRequest, type RequestBody } from './operation-request.js'
import { jsonOrText } from './read-output-type.js'

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
 * `max_completion_tokens` (or the older `max_tokens`), `service_tier`, sampling parameters, an
 * input estimate over `messages` (and tool definitions), the output type (`json` for a JSON
 * `response_format`, else `text`) and `openai.api.type` `chat_completions`.
 */
export function readChatRequest(body: RequestBody): OperationRequest {
  const maxOutputTokens = numberField(body.max_completion_tokens) ?? body.max_tokens
  const request = readRequestBasics(body, 'chat', estimateTokens(body.messages, body.tools), maxOutputTokens, completionParameterFields)
  request.outputType = jsonOrText(body.response_format)
  request.providerAttributes = CHAT_COMPLETIONS_API
  return request
}
