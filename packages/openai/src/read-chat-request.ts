import { estimateTokens } from '@finops-ai/core'
import { numberField, stringField, type OperationRequest, type RequestBody } from './operation-request.js'
import { readSamplingParameters } from './read-sampling-parameters.js'

/**
 * Reads a `chat.completions.create` call: operation `chat`, `model`, `stream`,
 * `max_completion_tokens` (or the older `max_tokens`), `service_tier`, sampling parameters, and an
 * input estimate over `messages` (and tool definitions).
 */
export function readChatRequest(body: RequestBody): OperationRequest {
  const request: OperationRequest = {
    operation: 'chat',
    model: stringField(body.model) ?? 'unknown',
    stream: body.stream === true,
    estimatedInputTokens: estimateTokens(body.messages, body.tools),
  }
  const maxOutputTokens = numberField(body.max_completion_tokens) ?? numberField(body.max_tokens)
  if (maxOutputTokens !== undefined) request.maxOutputTokens = maxOutputTokens
  const serviceTier = stringField(body.service_tier)
  if (serviceTier !== undefined) request.serviceTier = serviceTier
  const parameters = readSamplingParameters(body)
  if (parameters !== undefined) request.parameters = parameters
  return request
}
