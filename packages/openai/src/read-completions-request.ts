import { estimateTokens, readRequestBasics } from '@finops-ai/core'
import type { OperationRequest, RequestBody } from './operation-request.js'
import { readSamplingParameters } from './read-sampling-parameters.js'

/**
 * Reads a legacy `completions.create` call: operation `text_completion`, `model`, `stream`,
 * `max_tokens`, sampling parameters, and an input estimate over `prompt` (text or token ids).
 */
export function readCompletionsRequest(body: RequestBody): OperationRequest {
  const request = readRequestBasics(body, 'text_completion', estimateTokens(body.prompt, body.suffix), body.max_tokens)
  const parameters = readSamplingParameters(body)
  if (parameters !== undefined) request.parameters = parameters
  return request
}
