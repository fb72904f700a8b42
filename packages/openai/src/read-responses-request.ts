import { estimateTokens, readRequestBasics, type RequestParameters } from '@finops-ai/core'
import { numberField, type OperationRequest, type RequestBody } from './operation-request.js'

/**
 * Reads a `responses.create` call: operation `chat` (as the GenAI conventions name it), `model`,
 * `stream`, `max_output_tokens`, `service_tier`, `temperature`/`top_p`, and an input estimate over
 * `instructions`, `input` and tool definitions. A call continuing a stored conversation
 * (`previous_response_id`, `conversation`) is estimated from its new input only.
 */
export function readResponsesRequest(body: RequestBody): OperationRequest {
  const request = readRequestBasics(body, 'chat', estimateTokens(body.instructions, body.input, body.tools), body.max_output_tokens)
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
