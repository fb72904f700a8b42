import { estimatedResult, type CallResult } from '@finops-ai/core'
import { numberField, objectField } from './operation-request.js'
import { readTranscriptionUsage } from './read-transcription-usage.js'

/**
 * Reads the response of a transcription or translation: its `usage` (see
 * `readTranscriptionUsage`); without one, a verbose response's `duration` as `audioSeconds`
 * (a whisper translation); otherwise (`text`, `srt`, `vtt` output, a plain string) the call's
 * `estimate` when it has one, else the input estimate, flagged `estimated`.
 */
export function readTranscriptionResult(body: unknown, estimatedInputTokens: number, estimate?: CallResult): CallResult {
  const fields = objectField(body)
  const usage = readTranscriptionUsage(fields?.usage)
  if (usage !== undefined) return { usage }
  const duration = numberField(fields?.duration)
  if (duration !== undefined) return { usage: { inputTokens: 0, outputTokens: 0, audioSeconds: duration } }
  return estimate ?? estimatedResult(estimatedInputTokens, 0)
}
