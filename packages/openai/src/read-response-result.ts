import { estimatedResult, readResponseIdentity, type CallResult } from '@finops-ai/core'
import { objectField } from './operation-request.js'
import { readResponseFinishReason } from './read-response-finish-reason.js'
import { withUsage } from './with-usage.js'
import { readResponseUsage } from './read-response-usage.js'
import { countHostedToolCalls } from './count-hosted-tool-calls.js'

/**
 * Reads a Responses API `Response` (from `responses.create` or a stream's `response.completed`,
 * `response.incomplete` or `response.failed` event): `id`, `model`, `service_tier`, `usage`, the
 * finish reason in the GenAI conventions' values (see `readResponseFinishReason`), and the hosted tool calls of its
 * `output` (see `countHostedToolCalls`). Without `usage` the output is estimated from
 * `outputCharacters` and the result flagged `estimated`.
 */
export function readResponseResult(response: unknown, estimatedInputTokens: number, outputCharacters = 0): CallResult {
  const fields = objectField(response) ?? {}
  const known = readResponseIdentity(fields)
  const reason = readResponseFinishReason(fields)
  if (reason !== undefined) known.finishReasons = [reason]
  const usage = readResponseUsage(fields.usage)
  const result = usage ? withUsage(known, usage) : estimatedResult(estimatedInputTokens, outputCharacters, known)
  countHostedToolCalls(result.usage, fields)
  return result
}
