import { RecordingCallPath } from '@finops-ai/core/testing'
import { observeReadableStream, type CallHandle } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import type { StreamPart } from './ai-sdk-types.js'
import { trackLanguageModelStream } from './track-language-model-stream.js'

const usage = { inputTokens: { total: 9, noCache: 9, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 2, text: 2, reasoning: undefined } }

const parts: StreamPart[] = [
  { type: 'stream-start', warnings: [] },
  { type: 'response-metadata', id: 'resp_1', modelId: 'gpt-4o-2024-08-06' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Hello ' },
  { type: 'text-delta', id: 't', delta: 'world' },
  { type: 'text-end', id: 't' },
  { type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } },
]

/** Streams `items` through the tracker of one call begun on a recording path; returns the path. */
async function tracked(items: StreamPart[], read: (stream: ReadableStream<StreamPart>) => Promise<void>, captureContent = false) {
  const path = new RecordingCallPath()
  const handle = path.begin({ provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: true, estimatedInputTokens: 5 }) as CallHandle
  const source = new ReadableStream<StreamPart>({
    start(controller) {
      for (const item of items) controller.enqueue(item)
      controller.close()
    },
  })
  await read(observeReadableStream(source, trackLanguageModelStream(handle, 5, captureContent)))
  return path
}

async function drain(stream: ReadableStream<StreamPart>): Promise<void> {
  for await (const part of stream) void part
}

describe('trackLanguageModelStream', () => {
  it('settles usage, identity and finish reason from the finish and response-metadata parts', async () => {
    const path = await tracked([...parts], async (stream) => {
      const reader = stream.getReader()
      for (;;) if ((await reader.read()).done) break
    })
    expect(path.calls[0]?.result).toEqual({
      usage: { inputTokens: 9, outputTokens: 2 },
      responseId: 'resp_1',
      responseModel: 'gpt-4o-2024-08-06',
      finishReasons: ['stop'],
    })
    expect(path.calls[0]?.firstChunks).toBe(1)
  })

  it('estimates a stream cancelled before its finish part from the text seen', async () => {
    const path = await tracked([...parts], async (stream) => {
      for await (const part of stream) if (part.type === 'text-delta') break
    })
    // 'Hello ' is 6 characters: 2 tokens at 4 characters per token.
    expect(path.calls[0]?.result).toEqual({ usage: { inputTokens: 5, outputTokens: 2 }, responseId: 'resp_1', responseModel: 'gpt-4o-2024-08-06', estimated: true })
  })

  it('fails the call with an error part and keeps the usage of the finish part', async () => {
    const failure = new Error('overloaded')
    const path = await tracked([parts[1]!, { type: 'error', error: failure }, parts[6]!], drain)
    expect(path.calls[0]?.error).toBe(failure)
    expect(path.calls[0]?.partial?.usage).toEqual({ inputTokens: 9, outputTokens: 2 })
  })

  it('joins the streamed text and keeps the tool calls when content is captured', async () => {
    const toolCall: StreamPart = { type: 'tool-call', toolCallId: 'c1', toolName: 'lookup', input: '{"order":"4711"}' }
    const path = await tracked([...parts.slice(0, 6), toolCall, parts[6]!], drain, true)
    expect(path.calls[0]?.result?.outputContent).toEqual([
      {
        role: 'assistant',
        parts: [
          { type: 'text', content: 'Hello world' },
          { type: 'tool_call', id: 'c1', name: 'lookup', arguments: '{"order":"4711"}' },
        ],
        finish_reason: 'stop',
      },
    ])
  })

  it('marks no first chunk for stream-start alone', async () => {
    const path = await tracked([parts[0]!], drain)
    expect(path.calls[0]?.firstChunks).toBe(0)
    expect(path.calls[0]?.result?.estimated).toBe(true)
  })
})
