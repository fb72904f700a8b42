import { estimatedResult, type CallHandle, type CallResult, type NormalizedUsage, type StreamObserver } from '@finops-ai/core'
import { StreamedChoices } from './streamed-choices.js'
import { systemFingerprintAttributes } from './openai-attributes.js'
import { objectField, stringField } from './operation-request.js'
import { readCompletionUsage } from './read-completion-usage.js'
import { withUsage } from './with-usage.js'

/** What {@link trackCompletionStream} needs. */
export interface CompletionStreamTracking {
  handle: CallHandle
  estimatedInputTokens: number
  /** Remove the usage-only final chunk (empty `choices`) from what the caller iterates: the wrapper asked for it. */
  hideUsageChunk: boolean
  /** Count streamed text characters, to estimate the output when no usage arrives. */
  countText: boolean
  /** Accumulate the streamed text of each choice for `CallResult.outputContent` (content capture on). Default `false`. */
  captureContent?: boolean
}

/**
 * Observes a chat or legacy completions stream (`ChatCompletionChunk` / `Completion` chunks) and
 * settles its call at the end: exact usage from the usage chunk when one arrived; otherwise the
 * output estimated from the streamed text (`delta.content`, `delta.refusal`, tool-call arguments,
 * legacy `text`), flagged `estimated`. `complete` and `cancelled` (consumer `break`, abort)
 * succeed; `error` fails with the partial result.
 */
export function trackCompletionStream(tracking: CompletionStreamTracking): StreamObserver<unknown> {
  const { handle } = tracking
  const known: Omit<CallResult, 'usage'> = {}
  const finishReasons: string[] = []
  let usage: NormalizedUsage | undefined
  let outputCharacters = 0
  const streamed = tracking.captureContent === true ? new StreamedChoices() : undefined

  const result = (): CallResult => {
    if (finishReasons.length > 0) known.finishReasons = finishReasons
    if (streamed !== undefined) known.outputContent = streamed.messages()
    return usage ? withUsage(known, usage) : estimatedResult(tracking.estimatedInputTokens, outputCharacters, known)
  }

  return {
    first: () => handle.firstChunk(),
    item(chunk) {
      const fields = objectField(chunk)
      if (fields === undefined) return true
      if (known.responseId === undefined) {
        const id = stringField(fields.id)
        if (id !== undefined) known.responseId = id
      }
      if (known.responseModel === undefined) {
        const model = stringField(fields.model)
        if (model !== undefined) known.responseModel = model
      }
      const serviceTier = stringField(fields.service_tier)
      if (serviceTier !== undefined) known.serviceTier = serviceTier
      if (known.providerAttributes === undefined) {
        const fingerprint = stringField(fields.system_fingerprint)
        if (fingerprint !== undefined) known.providerAttributes = systemFingerprintAttributes(fingerprint)
      }
      const chunkUsage = readCompletionUsage(fields.usage)
      if (chunkUsage !== undefined) usage = chunkUsage
      const choices = fields.choices
      if (Array.isArray(choices)) {
        for (const choice of choices) {
          const item = objectField(choice)
          const reason = stringField(item?.finish_reason)
          if (reason !== undefined) finishReasons.push(reason)
          if (tracking.countText && item !== undefined) outputCharacters += streamedCharacters(item)
          if (streamed !== undefined && item !== undefined) streamed.add(item)
        }
        if (chunkUsage !== undefined && choices.length === 0 && tracking.hideUsageChunk) return false
      }
      return true
    },
    end(outcome) {
      if (outcome.type === 'error') handle.fail(outcome.error, result())
      else handle.succeed(result())
    },
  }
}

/** Characters of generated text in one streamed choice. */
function streamedCharacters(choice: Record<string, unknown>): number {
  let total = length(choice.text)
  const delta = objectField(choice.delta)
  if (delta === undefined) return total
  total += length(delta.content) + length(delta.refusal) + length(delta.reasoning_content)
  if (Array.isArray(delta.tool_calls)) {
    for (const call of delta.tool_calls) total += length(objectField(objectField(call)?.function)?.arguments)
  }
  return total
}

function length(value: unknown): number {
  return typeof value === 'string' ? value.length : 0
}
