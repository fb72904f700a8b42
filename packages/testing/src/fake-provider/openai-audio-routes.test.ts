import OpenAI, { toFile } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'

let provider: FakeProvider
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
})
afterAll(() => provider.close())

/** 3 seconds under the fake rule (32 000 bytes a second). */
const audio = () => toFile(Buffer.alloc(96_000), 'speech.wav', { type: 'audio/wav' })

describe('POST /v1/audio/transcriptions', () => {
  it('reports token usage with audio tokens for token-billed models', async () => {
    const transcript = await openai.audio.transcriptions.create({ model: 'gpt-4o-transcribe', file: await audio(), prompt: 'Names: Ada' })
    expect(transcript.text.split(' ')).toHaveLength(16)
    expect(transcript.usage).toEqual({
      type: 'tokens',
      input_tokens: 32,
      input_token_details: { audio_tokens: 30, text_tokens: 2 },
      output_tokens: 16,
      total_tokens: 48,
    })
  })

  it('reports duration usage for whisper models', async () => {
    const transcript = await openai.audio.transcriptions.create({ model: 'whisper-1', file: await audio() })
    expect(transcript.usage).toEqual({ type: 'duration', seconds: 3 })
  })

  it('answers plain text for the text formats', async () => {
    const text = await openai.audio.transcriptions.create({ model: 'whisper-1', file: await audio(), response_format: 'text' })
    expect(typeof text).toBe('string')
    expect(String(text).split(' ')).toHaveLength(16)
  })

  it('streams deltas and a done event with usage', async () => {
    const stream = await openai.audio.transcriptions.create({ model: 'gpt-4o-mini-transcribe', file: await audio(), stream: true })
    const events = []
    for await (const event of stream) events.push(event)
    expect(events.filter((event) => event.type === 'transcript.text.delta')).toHaveLength(16)
    expect(events.at(-1)).toMatchObject({ type: 'transcript.text.done', usage: { type: 'tokens', input_tokens: 30, output_tokens: 16 } })
  })
})

describe('POST /v1/audio/translations', () => {
  it('answers the text without usage, and the duration when verbose', async () => {
    expect(await openai.audio.translations.create({ model: 'whisper-1', file: await audio() })).toEqual({ text: expect.any(String) })
    const verbose = await openai.audio.translations.create({ model: 'whisper-1', file: await audio(), response_format: 'verbose_json' as const })
    expect(verbose).toMatchObject({ task: 'translate', duration: 3 })
  })
})

describe('POST /v1/audio/speech', () => {
  it('answers audio bytes', async () => {
    const response = await openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hello there' })
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    expect((await response.arrayBuffer()).byteLength).toBe(1_100)
  })

  it('answers audio deltas and a done event with usage for stream_format sse', async () => {
    const response = await openai.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Hello there', stream_format: 'sse' })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const events = (await response.text()).split('\n').filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice(6)) as { type: string })
    expect(events.map((event) => event.type)).toEqual(['speech.audio.delta', 'speech.audio.delta', 'speech.audio.done'])
    expect(events[2]).toEqual({ type: 'speech.audio.done', usage: { input_tokens: 2, output_tokens: 11, total_tokens: 13 } })
  })
})
