import { estimateTokens, readRequestBasics, type ParameterFields } from '@finops-ai/core'
import type { OperationRequest, RequestBody } from './operation-request.js'

const responsesParameterFields: ParameterFields = { temperature: 'temperature', topP: 'top_p' }

/**
 * Reads a `responses.create` call: operation `chat` (as the GenAI conventions name it), `model`,
 * `stream`, `max_output_tokens`, `service_tier`, `temperature`/`top_p`, and an input estimate over
 * `instructions`, `input` and tool definitions. A call continuing a stored conversation
 * (`previous_response_id`, `conversation`) is estimated from its new input only.
 */
export function readResponsesRequest(body: RequestBody): OperationRequest {
  return readRequestBasics(body, 'chat', estimateTokens(body.instructions, body.input, body.tools), body.max_output_tokens, responsesParameterFields)
}
