import { estimateTokens } from '@finops-ai/core'
import { numberField, stringField, type OperationRequest, type RequestBody } from './operation-request.js'
import { readSamplingParameters } from './read-sampling-parameters.js'

/**
 * Reads a legacy `completions.create` call: operation `text_completion`, `model`, `stream`,
 * `max_tokens`, sampling parameters, and an input estimate over `prompt` (text or token ids).
 */
export function readCompletionsRequest(body: RequestBody): OperationRequest {
  const request: OperationRequest = {
    operation: 'text_completion',
    model: stringField(body.model) ?? 'unknown',
    stream: body.stream === true,
    estimatedInputTokens: estimateTokens(body.prompt, body.suffix),
  }
  const maxOutputTokens = numberField(body.max_tokens)
  if (maxOutputTokens !== undefined) request.maxOutputTokens = maxOutputTokens
  const parameters = readSamplingParameters(body)
  if (parameters !== undefined) request.parameters = parameters
  return request
}
