import { setUsageCount, type NormalizedUsage } from '@finops-ai/core'
import { numberField, objectField } from './operation-request.js'

/**
 * Normalizes the `usage` of a transcription (a `Transcription` or a `transcript.text.done` stream
 * event): `type: 'tokens'` gives `input_tokens` (audio and prompt text), its
 * `input_token_details.audio_tokens` as `inputAudioTokens`, and `output_tokens`; `type: 'duration'`
 * (whisper models, billed by the second) gives `seconds` as `audioSeconds` and no tokens. Returns
 * `undefined` for any other shape.
 */
export function readTranscriptionUsage(usage: unknown): NormalizedUsage | undefined {
  const fields = objectField(usage)
  if (fields?.type === 'duration') {
    const seconds = numberField(fields.seconds)
    return seconds === undefined ? undefined : { inputTokens: 0, outputTokens: 0, audioSeconds: seconds }
  }
  const inputTokens = numberField(fields?.input_tokens)
  if (fields === undefined || inputTokens === undefined) return undefined
  const normalized: NormalizedUsage = { inputTokens, outputTokens: numberField(fields.output_tokens) ?? 0 }
  setUsageCount(normalized, 'inputAudioTokens', objectField(fields.input_token_details)?.audio_tokens)
  return normalized
}
