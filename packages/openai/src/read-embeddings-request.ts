import { estimateTokens } from '@finops-ai/core'
import { stringField, type OperationRequest, type RequestBody } from './operation-request.js'

/**
 * Reads an `embeddings.create` call: operation `embeddings`, `model`, no output tokens
 * (`maxOutputTokens: 0`), `encoding_format`, and an input estimate over `input` (text or token ids).
 */
export function readEmbeddingsRequest(body: RequestBody): OperationRequest {
  const request: OperationRequest = {
    operation: 'embeddings',
    model: stringField(body.model) ?? 'unknown',
    stream: false,
    maxOutputTokens: 0,
    estimatedInputTokens: estimateTokens(body.input),
  }
  const encodingFormat = stringField(body.encoding_format)
  if (encodingFormat !== undefined) request.parameters = { encodingFormats: [encodingFormat] }
  return request
}
