import { describe, expect, it } from 'vitest'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { trackImageStream } from './track-image-stream.js'

function begin() {
  const path = new RecordingCallPath()
  const handle = path.begin({ provider: 'openai', operation: 'generate_content', model: 'gpt-image-1', stream: true, estimatedInputTokens: 5 })
  if (handle instanceof Promise) throw new Error('expected a synchronous handle')
  return { path, handle }
}

const usage = { input_tokens: 5, input_tokens_details: { text_tokens: 5, image_tokens: 0 }, output_tokens: 372, output_tokens_details: { image_tokens: 372, text_tokens: 0 } }

describe('trackImageStream', () => {
  it('settles the usage of the completed event after partial images', () => {
    const { path, handle } = begin()
    const tracker = trackImageStream(handle, 5)
    tracker.first()
    tracker.item({ type: 'image_generation.partial_image', b64_json: 'x', partial_image_index: 0 })
    tracker.item({ type: 'image_generation.completed', b64_json: 'x', usage })
    tracker.end({ type: 'complete' })
    expect(path.calls[0]).toMatchObject({ outcome: 'succeeded', firstChunks: 1, result: { usage: { inputTokens: 5, outputTokens: 372, outputImageTokens: 372 } } })
  })

  it('reads image_edit.completed too', () => {
    const { path, handle } = begin()
    const tracker = trackImageStream(handle, 5)
    tracker.item({ type: 'image_edit.completed', b64_json: 'x', usage })
    tracker.end({ type: 'complete' })
    expect(path.calls[0]?.result?.usage.outputTokens).toBe(372)
  })

  it('fails a cut stream with the input estimate, flagged estimated', () => {
    const { path, handle } = begin()
    const tracker = trackImageStream(handle, 5)
    tracker.item({ type: 'image_generation.partial_image', b64_json: 'x', partial_image_index: 0 })
    const failure = new Error('socket hang up')
    tracker.end({ type: 'error', error: failure })
    expect(path.calls[0]).toMatchObject({ outcome: 'failed', error: failure, partial: { usage: { inputTokens: 5, outputTokens: 0 }, estimated: true } })
  })
})
