import { describe, expect, it } from 'vitest'
import type { CallResult } from '@finops-ai/core'
import { readTranscriptionResult } from './read-transcription-result.js'

const estimate: CallResult = { usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 6 }, estimated: true }

describe('readTranscriptionResult', () => {
  it('reads the usage of a transcription', () => {
    expect(readTranscriptionResult({ text: 'hi', usage: { type: 'duration', seconds: 3 } }, 9, estimate)).toEqual({
      usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 3 },
    })
  })

  it('reads the duration of a verbose translation', () => {
    expect(readTranscriptionResult({ task: 'translate', duration: 4, text: 'hi' }, 9, estimate)).toEqual({
      usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 4 },
    })
  })

  it('settles the call estimate for a plain-text transcript', () => {
    expect(readTranscriptionResult('hi there', 9, estimate)).toBe(estimate)
  })

  it('settles the input estimate without a call estimate', () => {
    expect(readTranscriptionResult({ text: 'hi' }, 9)).toEqual({ usage: { inputTokens: 9, outputTokens: 0 }, estimated: true })
  })
})
