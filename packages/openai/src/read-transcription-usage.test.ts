import { describe, expect, it } from 'vitest'
import { readTranscriptionUsage } from './read-transcription-usage.js'

describe('readTranscriptionUsage', () => {
  it('reads token usage with its audio tokens', () => {
    const usage = { type: 'tokens', input_tokens: 32, input_token_details: { audio_tokens: 30, text_tokens: 2 }, output_tokens: 16, total_tokens: 48 }
    expect(readTranscriptionUsage(usage)).toEqual({ inputTokens: 32, outputTokens: 16, inputAudioTokens: 30 })
  })

  it('reads duration usage as seconds without tokens', () => {
    expect(readTranscriptionUsage({ type: 'duration', seconds: 7.5 })).toEqual({ inputTokens: 0, outputTokens: 0, audioSeconds: 7.5 })
  })

  it('returns undefined for other shapes', () => {
    expect(readTranscriptionUsage(undefined)).toBeUndefined()
    expect(readTranscriptionUsage({ type: 'duration' })).toBeUndefined()
    expect(readTranscriptionUsage({ type: 'tokens' })).toBeUndefined()
  })
})
