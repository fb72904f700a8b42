import { estimateTokens, readRequestBasics, type CallResult, type ParameterFields } from '@finops-ai/core'
import {
  AUDIO_INPUT_TOKENS_PER_MINUTE,
  audioTokens,
  estimateAudioSeconds,
  TRANSCRIPT_TOKENS_PER_MINUTE,
} from './audio-estimates.js'
import type { OperationRequest, RequestBody } from './operation-request.js'

const transcriptionParameterFields: ParameterFields = { temperature: 'temperature' }

/**
 * Reads an `audio.transcriptions.create` or `audio.translations.create` call: operation
 * `generate_content`, output type `text`, `model`, `stream`, `temperature`; as input estimate the audio tokens of the
 * upload's estimated duration (see `estimateAudioSeconds`, `AUDIO_INPUT_TOKENS_PER_MINUTE`) plus
 * the `prompt`. The call sets no output limit: the engine's default output estimate is reserved.
 */
export function readTranscriptionRequest(body: RequestBody): OperationRequest {
  const input = audioTokens(estimateAudioSeconds(body.file), AUDIO_INPUT_TOKENS_PER_MINUTE) + estimateTokens(body.prompt)
  const request = readRequestBasics(body, 'generate_content', input, undefined, transcriptionParameterFields)
  request.outputType = 'text'
  return request
}

/**
 * What a transcription or translation settles when its response reports no usage (`text`, `srt`
 * or `vtt` output): for `whisper-*` models, billed by duration, the upload's estimated seconds
 * (`audioSeconds`); for token-billed models the request's input estimate, its audio part as
 * `inputAudioTokens`, and `TRANSCRIPT_TOKENS_PER_MINUTE` of the duration as output. Flagged
 * `estimated`.
 */
export function estimateTranscriptionResult(body: RequestBody, request: OperationRequest): CallResult {
  const seconds = estimateAudioSeconds(body.file)
  if (typeof body.model === 'string' && body.model.startsWith('whisper')) {
    return { usage: { inputTokens: 0, outputTokens: 0, audioSeconds: seconds }, estimated: true }
  }
  const usage = {
    inputTokens: request.estimatedInputTokens,
    inputAudioTokens: audioTokens(seconds, AUDIO_INPUT_TOKENS_PER_MINUTE),
    outputTokens: audioTokens(seconds, TRANSCRIPT_TOKENS_PER_MINUTE),
  }
  return { usage, estimated: true }
}
