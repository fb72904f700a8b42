import { describe, expect, it } from 'vitest'
import { estimateSpeechResult, readSpeechRequest, readSpeechResult } from './read-speech-request.js'

const input = 'The quick brown fox jumps over the lazy dog again and again.'

describe('readSpeechRequest', () => {
  it('estimates the input tokens and sets no output limit', () => {
    expect(readSpeechRequest({ model: 'gpt-4o-mini-tts', input, voice: 'alloy', instructions: 'calm' })).toEqual({
      operation: 'generate_content',
      model: 'gpt-4o-mini-tts',
      stream: false,
      estimatedInputTokens: 16,
      outputType: 'speech',
    })
  })
})

describe('estimateSpeechResult', () => {
  it('counts the characters of a tts model exactly', () => {
    const body = { model: 'tts-1-hd', input, voice: 'alloy' }
    expect(estimateSpeechResult(body, readSpeechRequest(body))).toEqual({ usage: { inputTokens: 0, outputTokens: 0, inputCharacters: 60 } })
  })

  it('estimates the input tokens and the audio tokens of the spoken input, flagged estimated', () => {
    const body = { model: 'gpt-4o-mini-tts', input, voice: 'alloy' }
    expect(estimateSpeechResult(body, readSpeechRequest(body))).toEqual({
      usage: { inputTokens: 15, outputTokens: 84, outputAudioTokens: 84 },
      estimated: true,
    })
  })
})

describe('readSpeechResult', () => {
  it('settles the call estimate whatever the audio', () => {
    const estimate = { usage: { inputTokens: 0, outputTokens: 0, inputCharacters: 60 } }
    expect(readSpeechResult(new Response('audio'), 15, estimate)).toBe(estimate)
    expect(readSpeechResult(new Response('audio'), 15)).toEqual({ usage: { inputTokens: 15, outputTokens: 0 }, estimated: true })
  })
})
