import { describe, expect, it } from 'vitest'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { ResponseFailedError, trackResponseStream } from './track-response-stream.js'

function begin() {
  const path = new RecordingCallPath()
  const handle = path.begin({ provider: 'openai', operation: 'chat', model: 'gpt-5', stream: true, estimatedInputTokens: 5 })
  if (handle instanceof Promise) throw new Error('expected a synchronous handle')
  return { path, handle }
}

describe('trackResponseStream', () => {
  it('fails the call with the usage of a response.failed event', () => {
    const { path, handle } = begin()
    const tracker = trackResponseStream(handle, 5)
    tracker.item({ type: 'response.created', response: { id: 'resp_1', model: 'gpt-5' } })
    tracker.item({
      type: 'response.failed',
      response: { id: 'resp_1', model: 'gpt-5', status: 'failed', error: { code: 'server_error', message: 'boom' }, usage: { input_tokens: 5, output_tokens: 2 } },
    })
    tracker.end({ type: 'complete' })
    expect(path.calls[0]?.outcome).toBe('failed')
    expect(path.calls[0]?.error).toBeInstanceOf(ResponseFailedError)
    expect(path.calls[0]?.partial?.usage).toEqual({ inputTokens: 5, outputTokens: 2 })
  })

  it('estimates a cut stream from its text deltas', () => {
    const { path, handle } = begin()
    const tracker = trackResponseStream(handle, 5)
    tracker.item({ type: 'response.created', response: { id: 'resp_2', model: 'gpt-5' } })
    tracker.item({ type: 'response.output_text.delta', delta: 'abcdefgh' })
    const failure = new Error('socket hang up')
    tracker.end({ type: 'error', error: failure })
    expect(path.calls[0]).toMatchObject({
      outcome: 'failed',
      error: failure,
      partial: { usage: { inputTokens: 5, outputTokens: 2 }, estimated: true, responseId: 'resp_2' },
    })
  })
})
