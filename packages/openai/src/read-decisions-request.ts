import { estimateTokens, readRequestBasics } from '@finops-ai/core'
import type { OperationRequest, RequestBody } from './operation-request.js'

/**
 * Reads a `decisions.create` call (classification and scoring questions over an input, answered by
 * a chat model): operation `chat`, `model`, and an input estimate over `input` and the questions'
 * `instructions`. It takes no output limit, so the engine's default output reservation applies.
 */
export function readDecisionsRequest(body: RequestBody): OperationRequest {
  return readRequestBasics(body, 'chat', estimateTokens(body.input, body.questions), undefined)
}
