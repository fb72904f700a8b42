import { describe, expect, it } from 'vitest'
import type { CallResult } from '../call/call-result.js'
import { RecordingCallPath } from '../testing/recording-call-path.js'
import { observeCallResult } from './observe-call-result.js'
import type { StainlessResponseProps } from './stainless-api-promise.js'

const readResult = (body: unknown): CallResult => ({
  usage: { inputTokens: (body as { tokens: number }).tokens, outputTokens: 1 },
})

function propsOf(response: Response, stream = false): StainlessResponseProps {
  return { response, options: { stream }, controller: new AbortController() }
}

async function admitted() {
  const path = new RecordingCallPath()
  const handle = await path.begin({ provider: 'p', operation: 'chat', model: 'm', stream: false, estimatedInputTokens: 7 })
  return { path, handle }
}

describe('observeCallResult', () => {
  it('settles a parsed body with what readResult reads', async () => {
    const { path, handle } = await admitted()
    const observer = observeCallResult({ handle, estimatedInputTokens: 7, readResult })
    const body = { tokens: 3 }
    expect(observer.data(body, propsOf(new Response('')))).toBe(body)
    expect(path.calls[0]?.result).toEqual({ usage: { inputTokens: 3, outputTokens: 1 } })
  })

  it('observes a stream in place and settles it through the stream observer', async () => {
    const { path, handle } = await admitted()
    const observer = observeCallResult({
      handle,
      estimatedInputTokens: 7,
      readResult,
      trackStream: () => ({ first: () => handle.firstChunk(), item: () => true, end: () => handle.succeed(readResult({ tokens: 5 })) }),
    })
    const stream = { iterator: async function* () { yield 1 } }
    expect(observer.data(stream, propsOf(new Response(''), true))).toBe(stream)
    for await (const _ of { [Symbol.asyncIterator]: () => stream.iterator() }) void _
    expect(path.calls[0]?.result?.usage.inputTokens).toBe(5)
  })

  it('fails the call with the request error', async () => {
    const { path, handle } = await admitted()
    const error = new Error('boom')
    observeCallResult({ handle, estimatedInputTokens: 7, readResult }).error(error)
    expect(path.calls[0]).toMatchObject({ outcome: 'failed', error })
  })

  it('reads a raw JSON response from a clone, leaving the body to the caller', async () => {
    const { path, handle } = await admitted()
    const response = new Response(JSON.stringify({ tokens: 4 }), { headers: { 'content-type': 'application/json' } })
    observeCallResult({ handle, estimatedInputTokens: 7, readResult }).raw(response, propsOf(response))
    expect(await response.json()).toEqual({ tokens: 4 })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(path.calls[0]?.result).toEqual({ usage: { inputTokens: 4, outputTokens: 1 } })
  })

  it('settles the input estimate for a raw stream', async () => {
    const { path, handle } = await admitted()
    const response = new Response('event: x\n\n', { headers: { 'content-type': 'text/event-stream' } })
    observeCallResult({ handle, estimatedInputTokens: 7, readResult }).raw(response, propsOf(response, true))
    expect(path.calls[0]?.result).toEqual({ usage: { inputTokens: 7, outputTokens: 0 }, estimated: true })
  })
})
