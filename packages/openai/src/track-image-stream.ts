import { estimatedResult, type CallHandle, type CallResult, type StreamObserver } from '@finops-ai/core'
import { objectField, stringField } from './operation-request.js'
import { readImagesUsage } from './read-images-usage.js'

/** Stream events that carry the finished image and its `usage`. */
const COMPLETED_EVENTS = new Set(['image_generation.completed', 'image_edit.completed'])

/**
 * Observes an image stream (`images.generate` / `images.edit` with `stream: true`) and settles its
 * call: the first event is the first chunk; the usage is that of the last
 * `image_generation.completed` / `image_edit.completed` event (partial images carry none). A
 * stream cut before it settles the input estimate, flagged `estimated`; a stream error fails the
 * call with what was known.
 */
export function trackImageStream(handle: CallHandle, estimatedInputTokens: number): StreamObserver<unknown> {
  let completed: CallResult | undefined
  const result = (): CallResult => completed ?? estimatedResult(estimatedInputTokens, 0)
  return {
    first: () => handle.firstChunk(),
    item(event) {
      const fields = objectField(event)
      const type = stringField(fields?.type)
      if (type !== undefined && COMPLETED_EVENTS.has(type)) {
        const usage = readImagesUsage(fields?.usage)
        if (usage !== undefined) completed = { usage }
      }
      return true
    },
    end(outcome) {
      if (outcome.type === 'error') handle.fail(outcome.error, result())
      else handle.succeed(result())
    },
  }
}
