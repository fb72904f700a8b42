import { estimateTokens, readRequestBasics } from '@finops-ai/core'
import { numberField, type OperationRequest, type RequestBody } from './operation-request.js'
import { readSamplingParameters } from './read-sampling-parameters.js'

/**
 * Reads a `chat.completions.create` call: operation `chat`, `model`, `stream`,
 * `max_completion_tokens` (or the older `max_tokens`), `service_tier`, sampling parameters, and an
 * input estimate over `messages` (and tool definitions).
 */
export function readChatRequest(body: RequestBody): OperationRequest {
  const maxOutputTokens = numberField(body.max_completion_tokens) ?? body.max_tokens
  const request = readRequestBasics(body, 'chat', estimateTokens(body.messages, body.tools), maxOutputTokens)
  const parameters = readSamplingParameters(body)
  if (parameters !== undefined) request.parameters = parameters
  return request
}
