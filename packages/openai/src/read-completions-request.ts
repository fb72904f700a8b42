import { estimateTokens, readRequestBasics } from '@finops-ai/core'
import type { OperationRequest, RequestBody } from './operation-request.js'
import { completionParameterFields } from './read-chat-request.js'

/**
 * Reads a legacy `completions.create` call: operation `text_completion`, `model`, `stream`,
 * `max_tokens`, sampling parameters, an input estimate over `prompt` (text or token ids), and
 * output type `text`.
 */
export function readCompletionsRequest(body: RequestBody): OperationRequest {
  const request = readRequestBasics(body, 'text_completion', estimateTokens(body.prompt, body.suffix), body.max_tokens, completionParameterFields)
  request.outputType = 'text'
  return request
}
