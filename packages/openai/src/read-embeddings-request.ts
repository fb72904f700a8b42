import { estimateTokens, readRequestBasics, type ParameterFields } from '@finops-ai/core'
import type { OperationRequest, RequestBody } from './operation-request.js'

const embeddingsParameterFields: ParameterFields = { encodingFormats: 'encoding_format', dimensionCount: 'dimensions' }

/**
 * Reads an `embeddings.create` call: operation `embeddings`, `model`, no output tokens
 * (`maxOutputTokens: 0`), `encoding_format`, `dimensions`, and an input estimate over `input` (text or token ids).
 */
export function readEmbeddingsRequest(body: RequestBody): OperationRequest {
  return readRequestBasics(body, 'embeddings', estimateTokens(body.input), 0, embeddingsParameterFields)
}
