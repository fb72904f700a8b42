import { estimatedResult, type CallHandle, type CallResult, type StreamObserver } from '@finops-ai/core'
import { objectField, stringField } from './operation-request.js'
import { readTranscriptionUsage } from './read-transcription-usage.js'

/**
 * Observes a transcription stream (`audio.transcriptions.create` with `stream: true`) and settles
 * its call: usage from the `transcript.text.done` event; without it (a cut stream) the input
 * estimate and the output of the `transcript.text.delta` text seen, flagged `estimated`.
 */
export function trackTranscriptionStream(handle: CallHandle, estimatedInputTokens: number): StreamObserver<unknown> {
  let done: CallResult | undefined
  let outputCharacters = 0
  const result = (): CallResult => done ?? estimatedResult(estimatedInputTokens, outputCharacters)
  return {
    first: () => handle.firstChunk(),
    item(event) {
      const fields = objectField(event)
      const type = stringField(fields?.type)
      if (type === 'transcript.text.delta' && typeof fields?.delta === 'string') outputCharacters += fields.delta.length
      else if (type === 'transcript.text.done') {
        const usage = readTranscriptionUsage(fields?.usage)
        if (usage !== undefined) done = { usage }
      }
      return true
    },
    end(outcome) {
      if (outcome.type === 'error') handle.fail(outcome.error, result())
      else handle.succeed(result())
    },
  }
}
