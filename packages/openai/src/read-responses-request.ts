import { estimateTokens, readRequestBasics, type ParameterFields } from '@finops-ai/core'
import { RESPONSES_API } from './openai-attributes.js'
import { objectField, type OperationRequest, type RequestBody } from './operation-request.js'
import { jsonOrText } from './read-output-type.js'

const responsesParameterFields: ParameterFields = { temperature: 'temperature', topP: 'top_p' }

/**
 * Reads a `responses.create` call: operation `chat` (as the GenAI conventions name it), `model`,
 * `stream`, `max_output_tokens`, `service_tier`, `temperature`/`top_p`, and an input estimate over
 * `instructions`, `input` and tool definitions. A call continuing a stored conversation
 * (`previous_response_id`, `conversation`) is estimated from its new input only. Output type:
 * `json` for a JSON `text.format`, else `text`; `openai.api.type` `responses`.
 */
export function readResponsesRequest(body: RequestBody): OperationRequest {
  const request = readRequestBasics(body, 'chat', estimateTokens(body.instructions, body.input, body.tools), body.max_output_tokens, responsesParameterFields)
  request.outputType = jsonOrText(objectField(body.text)?.format)
  request.providerAttributes = RESPONSES_API
  return request
}
