import { describe, expect, it } from 'vitest'
import type { CallResult } from '@finops-ai/core'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { isEventStream, settleSpeechEvents } from './settle-speech-events.js'

function begin() {
  const path = new RecordingCallPath()
  const handle = path.begin({ provider: 'openai', operation: 'generate_content', model: 'gpt-4o-mini-tts', stream: false, estimatedInputTokens: 15 })
  if (handle instanceof Promise) throw new Error('expected a synchronous handle')
  return { path, handle }
}

const estimate: CallResult = { usage: { inputTokens: 15, outputTokens: 84, outputAudioTokens: 84 }, estimated: true }
const sse = (text: string) => new Response(text, { headers: { 'content-type': 'text/event-stream' } })

/** Resolves once the call settled (settling from events is asynchronous). */
async function settled(path: RecordingCallPath): Promise<void> {
  while (path.calls[0]?.outcome === 'open') await new Promise((resolve) => setImmediate(resolve))
}

describe('settleSpeechEvents', () => {
  it('settles the usage of speech.audio.done and leaves the body to the caller', async () => {
    const { path, handle } = begin()
    const response = sse(
      'data: {"type":"speech.audio.delta","audio":"AAAA"}\n\n' +
        'data: {"type":"speech.audio.done","usage":{"input_tokens":12,"output_tokens":60,"total_tokens":72}}\n\n',
    )
    settleSpeechEvents(handle, response, estimate)
    expect(await response.text()).toContain('speech.audio.delta')
    await settled(path)
    expect(path.calls[0]?.result).toEqual({ usage: { inputTokens: 12, outputTokens: 60, outputAudioTokens: 60 } })
  })

  it('reads a done event on the last line without a newline', async () => {
    const { path, handle } = begin()
    settleSpeechEvents(handle, sse('data: {"type":"speech.audio.done","usage":{"input_tokens":1,"output_tokens":0}}'), estimate)
    await settled(path)
    expect(path.calls[0]?.result).toEqual({ usage: { inputTokens: 1, outputTokens: 0 } })
  })

  it('settles the estimate without a done event, or when an event is malformed', async () => {
    const first = begin()
    settleSpeechEvents(first.handle, sse('data: {"type":"speech.audio.delta","audio":"AAAA"}\n\n'), estimate)
    await settled(first.path)
    expect(first.path.calls[0]?.result).toBe(estimate)
    const second = begin()
    settleSpeechEvents(second.handle, sse('data: {"type":"speech.audio.done",\n\n'), estimate)
    await settled(second.path)
    expect(second.path.calls[0]?.result).toBe(estimate)
  })
})

describe('isEventStream', () => {
  it('tells event streams from audio', () => {
    expect(isEventStream(sse(''))).toBe(true)
    expect(isEventStream(new Response('', { headers: { 'content-type': 'audio/mpeg' } }))).toBe(false)
  })
})
