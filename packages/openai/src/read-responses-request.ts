import type { RequestParameters } from '@finops-ai/core'
import { estimateTokens } from '@finops-ai/core'
import { numberField, stringField, type OperationRequest, type RequestBody } from './operation-request.js'

/**
 * Reads a `responses.create` call: operation `chat` (as the GenAI conventions name it), `model`,
 * `stream`, `max_output_tokens`, `service_tier`, `temperature`/`top_p`, and an input estimate over
 * `instructions`, `input` and tool definitions. A call continuing a stored conversation
 * (`previous_response_id`, `conversation`) is estimated from its new input only.
 */
export function readResponsesRequest(body: RequestBody): OperationRequest {
  const request: OperationRequest = {
    operation: 'chat',
    model: stringField(body.model) ?? 'unknown',
    stream: body.stream === true,
    estimatedInputTokens: estimateTokens(body.instructions, body.input, body.tools),
  }
  const maxOutputTokens = numberField(body.max_output_tokens)
  if (maxOutputTokens !== undefined) request.maxOutputTokens = maxOutputTokens
  const serviceTier = stringField(body.service_tier)
  if (serviceTier !== undefined) request.serviceTier = serviceTier
  const temperature = numberField(body.temperature)
  const topP = numberField(body.top_p)
  if (temperature !== undefined || topP !== undefined) {
    const parameters: RequestParameters = {}
    if (temperature !== undefined) parameters.temperature = temperature
    if (topP !== undefined) parameters.topP = topP
    request.parameters = parameters
  }
  return request
}
