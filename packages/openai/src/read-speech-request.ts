import { estimateTokens, estimatedResult, readRequestBasics, type CallResult } from '@finops-ai/core'
import { audioTokens, SPEECH_AUDIO_TOKENS_PER_MINUTE, SPEECH_CHARACTERS_PER_SECOND } from './audio-estimates.js'
import type { OperationRequest, RequestBody } from './operation-request.js'

/**
 * Reads an `audio.speech.create` call: operation `generate_content`, output type `speech`, `model` and an input estimate
 * over `input` and `instructions`. The call sets no output limit: the engine's default output
 * estimate is reserved.
 */
export function readSpeechRequest(body: RequestBody): OperationRequest {
  const request = readRequestBasics(body, 'generate_content', estimateTokens(body.input, body.instructions), undefined)
  request.outputType = 'speech'
  return request
}

/**
 * The usage of a speech call, which the response (audio bytes) does not report. `tts-*` models
 * bill the characters of `input`: exact, `inputCharacters`. Token-billed models
 * (`gpt-4o-mini-tts`): the request's input estimate and the audio output tokens of the estimated
 * speech (`input` spoken at `SPEECH_CHARACTERS_PER_SECOND`, `SPEECH_AUDIO_TOKENS_PER_MINUTE`) as
 * `outputAudioTokens`, flagged `estimated`.
 */
export function estimateSpeechResult(body: RequestBody, request: OperationRequest): CallResult {
  if (typeof body.model === 'string' && body.model.startsWith('tts-')) {
    const characters = typeof body.input === 'string' ? body.input.length : 0
    return { usage: { inputTokens: 0, outputTokens: 0, inputCharacters: characters } }
  }
  const output = speechAudioTokens(body)
  return { usage: { inputTokens: request.estimatedInputTokens, outputTokens: output, outputAudioTokens: output }, estimated: true }
}

/** Reads a speech response (audio bytes, which carry no usage): the call's `estimate`, else the input estimate. */
export function readSpeechResult(_body: unknown, estimatedInputTokens: number, estimate?: CallResult): CallResult {
  return estimate ?? estimatedResult(estimatedInputTokens, 0)
}

function speechAudioTokens(body: RequestBody): number {
  const characters = typeof body.input === 'string' ? body.input.length : 0
  return audioTokens(characters / SPEECH_CHARACTERS_PER_SECOND, SPEECH_AUDIO_TOKENS_PER_MINUTE)
}
