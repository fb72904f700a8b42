import { describe, expect, it } from 'vitest'
import { fakeAudioSeconds } from './fake-media.js'

describe('fakeAudioSeconds', () => {
  it('takes uploads as 32 000 bytes a second, rounded up', () => {
    expect(fakeAudioSeconds({ filename: 'a.wav', type: 'audio/wav', size: 96_000 })).toBe(3)
    expect(fakeAudioSeconds({ filename: 'a.wav', type: 'audio/wav', size: 96_001 })).toBe(4)
  })

  it('counts a missing or empty upload as one second', () => {
    expect(fakeAudioSeconds(undefined)).toBe(1)
    expect(fakeAudioSeconds({ filename: 'a.wav', type: 'audio/wav', size: 0 })).toBe(1)
  })
})
