import { estimatedResult, readResponseIdentity, type CallResult } from '@finops-ai/core'
import { systemFingerprintAttributes } from './openai-attributes.js'
import { objectField, stringField } from './operation-request.js'
import { withUsage } from './with-usage.js'
import { readCompletionUsage } from './read-completion-usage.js'

/**
 * Reads a `ChatCompletion` or legacy `Completion`: `id`, `model`, each choice's `finish_reason`,
 * `service_tier`, `system_fingerprint` (as `openai.response.system_fingerprint`) and `usage`. Without `usage` (some compatible servers omit it) the output is
 * estimated from the choices' text and the result flagged `estimated`.
 */
export function readCompletionResult(body: unknown, estimatedInputTokens: number): CallResult {
  const fields = objectField(body) ?? {}
  const known = readResponseIdentity(fields)
  const finishReasons: string[] = []
  let outputCharacters = 0
  if (Array.isArray(fields.choices)) {
    for (const choice of fields.choices) {
      const item = objectField(choice)
      const reason = stringField(item?.finish_reason)
      if (reason !== undefined) finishReasons.push(reason)
      const message = objectField(item?.message)
      outputCharacters += textLength(item?.text) + textLength(message?.content) + textLength(message?.refusal)
    }
  }
  if (finishReasons.length > 0) known.finishReasons = finishReasons
  const fingerprint = stringField(fields.system_fingerprint)
  if (fingerprint !== undefined) known.providerAttributes = systemFingerprintAttributes(fingerprint)
  const usage = readCompletionUsage(fields.usage)
  return usage ? withUsage(known, usage) : estimatedResult(estimatedInputTokens, outputCharacters, known)
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0
}
