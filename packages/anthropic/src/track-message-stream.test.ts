import { observeStream } from '@finops-ai/core'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { describe, expect, it } from 'vitest'
import { trackMessageStream } from './track-message-stream.js'

const start = {
  type: 'message_start',
  message: {
    id: 'msg_1',
    model: 'claude-haiku-4-5',
    usage: {
      input_tokens: 4,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 30,
      cache_creation: { ephemeral_5m_input_tokens: 10, ephemeral_1h_input_tokens: 20 },
      output_tokens: 1,
      service_tier: 'standard',
    },
  },
}
const text = (words: string) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: words } })
const delta = (outputTokens: number) => ({
  type: 'message_delta',
  delta: { stop_reason: 'end_turn' },
  usage: { input_tokens: 4, cache_read_input_tokens: 100, cache_creation_input_tokens: 30, output_tokens: outputTokens, server_tool_use: null },
})

async function settle(events: unknown[], options: { failAfter?: boolean } = {}) {
  const path = new RecordingCallPath()
  const handle = await path.begin({ provider: 'anthropic', operation: 'chat', model: 'm', stream: true, estimatedInputTokens: 9 })
  const stream = observeStream(
    {
      iterator: async function* () {
        yield* events
        if (options.failAfter) throw new Error('connection cut')
      },
    },
    trackMessageStream(handle, 9),
  )
  try {
    for await (const _ of { [Symbol.asyncIterator]: () => stream.iterator() }) void _
  } catch {
    // the cut surfaces to the reader; the tracker has settled it
  }
  return path.calls[0]
}

describe('trackMessageStream', () => {
  it('overwrites the usage of message_start with the cumulative message_delta, never adding twice', async () => {
    const call = await settle([start, text('Hello there'), delta(2), delta(7), { type: 'message_stop' }])
    expect(call?.result).toEqual({
      responseId: 'msg_1',
      responseModel: 'claude-haiku-4-5',
      serviceTier: 'standard',
      finishReasons: ['end_turn'],
      usage: { inputTokens: 134, outputTokens: 7, cacheReadTokens: 100, cacheWriteTokens: 10, cacheWrite1hTokens: 20 },
    })
    expect(call?.firstChunks).toBe(1)
  })

  it('reports where inference ran, from message_start or a later message_delta', async () => {
    const usStart = { ...start, message: { ...start.message, usage: { ...start.message.usage, inference_geo: 'us' } } }
    expect((await settle([usStart, delta(2)]))?.result).toMatchObject({ inferenceGeo: 'us' })
    const usDelta = { ...delta(2), usage: { ...delta(2).usage, inference_geo: 'global' } }
    expect((await settle([start, usDelta]))?.result).toMatchObject({ inferenceGeo: 'global' })
    expect((await settle([start, delta(2)]))?.result).not.toHaveProperty('inferenceGeo')
  })

  it('settles the exact input and estimated output of a stream cut before message_delta', async () => {
    const call = await settle([start, text('one two three four five six seven eight nine ten')], { failAfter: true })
    expect(call?.outcome).toBe('failed')
    // 48 characters of text = 12 tokens at 4 characters per token.
    expect(call?.partial).toMatchObject({ usage: { inputTokens: 134, outputTokens: 12 }, estimated: true, responseId: 'msg_1' })
  })

  it('settles the request estimate when not even message_start arrived', async () => {
    const call = await settle([], { failAfter: true })
    expect(call?.partial).toEqual({ usage: { inputTokens: 9, outputTokens: 0 }, estimated: true })
  })
})
