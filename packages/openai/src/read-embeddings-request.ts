import { estimateTokens, readRequestBasics } from '@finops-ai/core'
import { stringField, type OperationRequest, type RequestBody } from './operation-request.js'

/**
 * Reads an `embeddings.create` call: operation `embeddings`, `model`, no output tokens
 * (`maxOutputTokens: 0`), `encoding_format`, and an input estimate over `input` (text or token ids).
 */
export function readEmbeddingsRequest(body: RequestBody): OperationRequest {
  const request = readRequestBasics(body, 'embeddings', estimateTokens(body.input), 0)
  const encodingFormat = stringField(body.encoding_format)
  if (encodingFormat !== undefined) request.parameters = { encodingFormats: [encodingFormat] }
  return request
}
