import { textPart, type CallHandle, type CallResult, type MessagePart, type StreamObserver } from '@finops-ai/core'
import { contentPart } from './ai-sdk-content.js'
import type { StreamPart } from './ai-sdk-types.js'
import { readLanguageModelResult } from './read-language-model-result.js'

/** Parts whose `delta` is generated text, counted for the estimate of a stream cut before `finish`. */
const DELTA_PARTS: ReadonlySet<string> = new Set(['text-delta', 'reasoning-delta', 'tool-input-delta'])

/**
 * Observes the parts of a language model stream and settles its call when the stream ends: usage,
 * finish reason and provider metadata from the `finish` part, response id and model from the
 * `response-metadata` part. The first part after `stream-start` marks the first chunk. A stream
 * that ends without usage (cancelled by the consumer, aborted, cut) settles its input estimate
 * and the text deltas seen, flagged `estimated`. A read failure, or an `error` part, fails the
 * call with that error and what was received.
 *
 * With `captureContent`, the result carries the completion: the streamed text and reasoning, each
 * joined into one part, and the tool calls, with the finish reason (`incomplete` without `finish`).
 */
export function trackLanguageModelStream(handle: CallHandle, estimatedInputTokens: number, captureContent = false): StreamObserver<StreamPart> {
  let finish: Extract<StreamPart, { type: 'finish' }> | undefined
  let responseId: string | undefined
  let responseModel: string | undefined
  let streamError: { error: unknown } | undefined
  let outputCharacters = 0
  let seenFirst = false
  let text = ''
  let reasoning = ''
  const toolCalls: MessagePart[] = []

  const result = (): CallResult => {
    const read = readLanguageModelResult(
      { usage: finish?.usage, finishReason: finish?.finishReason, providerMetadata: finish?.providerMetadata, responseId, responseModel },
      estimatedInputTokens,
      () => outputCharacters,
    )
    if (captureContent) {
      const parts: MessagePart[] = []
      if (reasoning !== '') parts.push({ type: 'reasoning', content: reasoning })
      if (text !== '') parts.push(textPart(text))
      parts.push(...toolCalls)
      read.outputContent = [{ role: 'assistant', parts, finish_reason: read.finishReasons?.[0] ?? 'incomplete' }]
    }
    return read
  }

  return {
    first() {},
    item(part) {
      if (!seenFirst && part.type !== 'stream-start') {
        seenFirst = true
        handle.firstChunk()
      }
      if (DELTA_PARTS.has(part.type)) {
        const delta = (part as { delta: string }).delta
        outputCharacters += delta.length
        if (captureContent && part.type === 'text-delta') text += delta
        else if (captureContent && part.type === 'reasoning-delta') reasoning += delta
      } else if (part.type === 'finish') finish = part
      else if (part.type === 'tool-call' && captureContent) toolCalls.push(contentPart(part))
      else if (part.type === 'response-metadata') {
        responseId = part.id ?? responseId
        responseModel = part.modelId ?? responseModel
      } else if (part.type === 'error') streamError ??= { error: part.error }
    },
    end(outcome) {
      if (outcome.type === 'error') handle.fail(outcome.error, result())
      else if (streamError !== undefined) handle.fail(streamError.error, result())
      else handle.succeed(result())
    },
  }
}
