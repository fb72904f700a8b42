import { describe, expect, it } from 'vitest'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { trackTranscriptionStream } from './track-transcription-stream.js'

function begin() {
  const path = new RecordingCallPath()
  const handle = path.begin({ provider: 'openai', operation: 'generate_content', model: 'gpt-4o-transcribe', stream: true, estimatedInputTokens: 100 })
  if (handle instanceof Promise) throw new Error('expected a synchronous handle')
  return { path, handle }
}

describe('trackTranscriptionStream', () => {
  it('settles the usage of transcript.text.done', () => {
    const { path, handle } = begin()
    const tracker = trackTranscriptionStream(handle, 100)
    tracker.first()
    tracker.item({ type: 'transcript.text.delta', delta: 'Hello' })
    tracker.item({ type: 'transcript.text.done', text: 'Hello', usage: { type: 'tokens', input_tokens: 30, input_token_details: { audio_tokens: 30 }, output_tokens: 1 } })
    tracker.end({ type: 'complete' })
    expect(path.calls[0]).toMatchObject({ outcome: 'succeeded', firstChunks: 1, result: { usage: { inputTokens: 30, inputAudioTokens: 30, outputTokens: 1 } } })
  })

  it('estimates a cut stream from its deltas', () => {
    const { path, handle } = begin()
    const tracker = trackTranscriptionStream(handle, 100)
    tracker.item({ type: 'transcript.text.delta', delta: 'Hello there' })
    tracker.end({ type: 'cancelled' })
    expect(path.calls[0]).toMatchObject({ outcome: 'succeeded', result: { usage: { inputTokens: 100, outputTokens: 3 }, estimated: true } })
  })
})
