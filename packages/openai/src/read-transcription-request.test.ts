import { describe, expect, it } from 'vitest'
import { estimateTranscriptionResult, readTranscriptionRequest } from './read-transcription-request.js'

const sixSeconds = new File([new Uint8Array(96_000)], 'speech.mp3')

describe('readTranscriptionRequest', () => {
  it('estimates audio tokens from the upload size, plus the prompt', () => {
    expect(readTranscriptionRequest({ model: 'gpt-4o-transcribe', file: sixSeconds, prompt: 'Names: Ada', temperature: 0.2 })).toEqual({
      operation: 'generate_content',
      model: 'gpt-4o-transcribe',
      stream: false,
      estimatedInputTokens: 100 + 3,
      outputType: 'text',
      parameters: { temperature: 0.2 },
    })
  })
})

describe('estimateTranscriptionResult', () => {
  it('estimates the seconds of a whisper model', () => {
    const body = { model: 'whisper-1', file: sixSeconds }
    expect(estimateTranscriptionResult(body, readTranscriptionRequest(body))).toEqual({
      usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 6 },
      estimated: true,
    })
  })

  it('estimates the tokens of a token-billed model, its audio part apart', () => {
    const body = { model: 'gpt-4o-mini-transcribe', file: sixSeconds }
    expect(estimateTranscriptionResult(body, readTranscriptionRequest(body))).toEqual({
      usage: { inputTokens: 100, inputAudioTokens: 100, outputTokens: 25 },
      estimated: true,
    })
  })
})
