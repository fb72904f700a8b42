import {
  CHARACTERS_PER_TOKEN,
  estimatedResult,
  objectField,
  stringField,
  type CallHandle,
  type CallResult,
  type StreamObserver,
} from '@finops-ai/core'
import { readAnthropicUsage, readInferenceGeo } from './read-anthropic-usage.js'
import { readMessageFields } from './read-message-result.js'
import { StreamedBlocks } from './streamed-blocks.js'

/**
 * Observes a Messages event stream (`RawMessageStreamEvent` / `BetaRawMessageStreamEvent`) and
 * settles its call when it ends.
 *
 * Usage is CUMULATIVE in both events that carry it: `message_start.message.usage` is the start,
 * and each `message_delta.usage` replaces the fields it has (non-null) — never added twice. The
 * `cache_creation` TTL breakdown exists only in `message_start`; it is kept.
 *
 * A stream that ends without `message_delta` (cut, cancelled, aborted) settles the exact input of
 * `message_start` with the output estimated from the streamed text (never below the count
 * `message_start` reported), flagged `estimated`; without even `message_start`, the request's input
 * estimate. `complete` and `cancelled` succeed; `error` (a cut connection, an `error` event) fails
 * with the partial result.
 *
 * With `captureContent`, the content blocks are accumulated into `CallResult.outputContent`.
 */
export function trackMessageStream(handle: CallHandle, estimatedInputTokens: number, captureContent = false): StreamObserver<unknown> {
  let known: Omit<CallResult, 'usage'> = {}
  let usage: Record<string, unknown> | undefined
  let finalUsage = false
  let outputCharacters = 0
  const streamed = captureContent ? new StreamedBlocks() : undefined

  const result = (): CallResult => {
    if (streamed !== undefined) {
      known.outputContent = [{ role: 'assistant', parts: streamed.parts(), finish_reason: known.finishReasons?.[0] ?? '' }]
    }
    // `message_start` reports where inference ran; a later `message_delta` may too.
    const inferenceGeo = readInferenceGeo(usage)
    if (inferenceGeo !== undefined) known.inferenceGeo = inferenceGeo
    const normalized = readAnthropicUsage(usage)
    if (normalized === undefined) return estimatedResult(estimatedInputTokens, outputCharacters, known)
    if (finalUsage) return { ...known, usage: normalized }
    const outputTokens = Math.max(normalized.outputTokens, Math.ceil(outputCharacters / CHARACTERS_PER_TOKEN))
    return { ...known, usage: { ...normalized, outputTokens }, estimated: true }
  }

  return {
    first: () => handle.firstChunk(),
    item(event) {
      const fields = objectField(event)
      if (streamed !== undefined && fields !== undefined) streamed.add(fields)
      switch (fields?.type) {
        case 'content_block_delta':
          outputCharacters += deltaCharacters(objectField(fields.delta))
          break
        case 'message_start': {
          const message = objectField(fields.message) ?? {}
          known = readMessageFields(message)
          usage = { ...objectField(message.usage) }
          break
        }
        case 'message_delta': {
          const stopReason = stringField(objectField(fields.delta)?.stop_reason)
          if (stopReason !== undefined) known.finishReasons = [stopReason]
          const totals = objectField(fields.usage)
          if (totals !== undefined) {
            usage ??= {}
            for (const key in totals) if (totals[key] !== null && totals[key] !== undefined) usage[key] = totals[key]
            finalUsage = true
          }
          break
        }
      }
      return true
    },
    end(outcome) {
      if (outcome.type === 'error') handle.fail(outcome.error, result())
      else handle.succeed(result())
    },
  }
}

/** Characters of generated text in one `content_block_delta`. */
function deltaCharacters(delta: Record<string, unknown> | undefined): number {
  if (delta === undefined) return 0
  const text = delta.text ?? delta.partial_json ?? delta.thinking
  return typeof text === 'string' ? text.length : 0
}
