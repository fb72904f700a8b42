import { describe, expect, it } from 'vitest'
import { audioTokens, DEFAULT_AUDIO_SECONDS, estimateAudioSeconds } from './audio-estimates.js'

describe('estimateAudioSeconds', () => {
  it('reads the size of a File or Blob at 16 000 bytes a second, rounded up', () => {
    expect(estimateAudioSeconds(new File([new Uint8Array(48_000)], 'a.mp3'))).toBe(3)
    expect(estimateAudioSeconds(new Blob([new Uint8Array(16_001)]))).toBe(2)
    expect(estimateAudioSeconds(new Blob([]))).toBe(1)
  })

  it('reads the content-length of a Response', () => {
    expect(estimateAudioSeconds(new Response('x', { headers: { 'content-length': '160000' } }))).toBe(10)
  })

  it('assumes the default duration when the size is unknown', () => {
    expect(estimateAudioSeconds({ path: 'speech.mp3' })).toBe(DEFAULT_AUDIO_SECONDS)
    expect(estimateAudioSeconds(undefined)).toBe(DEFAULT_AUDIO_SECONDS)
  })
})

describe('audioTokens', () => {
  it('converts seconds at a per-minute rate, rounded up', () => {
    expect(audioTokens(60, 1000)).toBe(1000)
    expect(audioTokens(4, 1250)).toBe(84)
  })
})
