import { describe, expect, it } from 'vitest'
import type { CallResult, ResponseObserver, StainlessResponseProps } from '@finops-ai/core'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { EstimatedRawObserver } from './estimated-raw-observer.js'

function begin() {
  const path = new RecordingCallPath()
  const handle = path.begin({ provider: 'openai', operation: 'generate_content', model: 'tts-1', stream: false, estimatedInputTokens: 15 })
  if (handle instanceof Promise) throw new Error('expected a synchronous handle')
  return { path, handle }
}

/** Records which of its methods the wrapper delegated to. */
class DelegateObserver implements ResponseObserver<unknown> {
  readonly seen: string[] = []
  data(data: unknown): unknown {
    this.seen.push('data')
    return data
  }
  error(): void {
    this.seen.push('error')
  }
  raw(): void {
    this.seen.push('raw')
  }
}

const estimate: CallResult = { usage: { inputTokens: 0, outputTokens: 0, inputCharacters: 60 } }
const props = (stream: boolean) => ({ options: { stream } }) as unknown as StainlessResponseProps

/** Resolves once the call settled (settling from events is asynchronous). */
async function settled(path: RecordingCallPath): Promise<void> {
  while (path.calls[0]?.outcome === 'open') await new Promise((resolve) => setImmediate(resolve))
}

const speechEvents = () =>
  new Response('data: {"type":"speech.audio.done","usage":{"input_tokens":12,"output_tokens":60,"total_tokens":72}}\n\n', {
    headers: { 'content-type': 'text/event-stream' },
  })

describe('EstimatedRawObserver', () => {
  it('settles the usage of a speech event stream, parsed or raw', async () => {
    for (const access of ['data', 'raw'] as const) {
      const { path, handle } = begin()
      const delegate = new DelegateObserver()
      const observer = new EstimatedRawObserver(delegate, handle, estimate)
      if (access === 'data') observer.data(speechEvents(), props(false))
      else observer.raw(speechEvents(), props(false))
      await settled(path)
      expect(path.calls[0]?.result?.usage).toEqual({ inputTokens: 12, outputTokens: 60, outputAudioTokens: 60 })
      expect(delegate.seen).toEqual([])
    }
  })

  it('settles the estimate for raw-only access to a body that is not JSON', () => {
    const { path, handle } = begin()
    const delegate = new DelegateObserver()
    new EstimatedRawObserver(delegate, handle, estimate).raw(new Response('audio', { headers: { 'content-type': 'audio/mpeg' } }), props(false))
    expect(path.calls[0]?.result).toBe(estimate)
    expect(delegate.seen).toEqual([])
  })

  it('delegates JSON bodies, streams, data and errors', () => {
    const { handle } = begin()
    const delegate = new DelegateObserver()
    const observer = new EstimatedRawObserver(delegate, handle, estimate)
    observer.raw(new Response('{}', { headers: { 'content-type': 'application/json' } }), props(false))
    observer.raw(new Response('', { headers: { 'content-type': 'text/event-stream' } }), props(true))
    expect(observer.data('body', props(false))).toBe('body')
    observer.error(new Error('boom'))
    expect(delegate.seen).toEqual(['raw', 'raw', 'data', 'error'])
  })
})
