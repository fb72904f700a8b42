// Every newly metered OpenAI surface end to end: the real `openai` client over HTTP against
// fakeProvider(), the real engine, and the real OTel SDK with in-memory exporters. Each call must
// give one GenAI span and one usage record whose cost is the provider's published price.
//
// Prices: OpenAI API pricing page, https://platform.openai.com/docs/pricing (figures as published
// 2025-10), per 1M tokens unless noted:
//   gpt-image-1       text input $5, image input $10, image output $40
//   gpt-image-1-mini  text input $2, image input $2.50, image output $8
//   gpt-4o-transcribe      text input $2.50, audio input $6, text output $10
//   gpt-4o-mini-transcribe text input $1.25, audio input $3, text output $5
//   whisper-1   $0.006 per minute (= $0.0001 per second)
//   tts-1 $15, tts-1-hd $30 per 1M characters; gpt-4o-mini-tts text input $0.60, audio output $12
//   gpt-4o      input $2.50, output $10
//   gpt-4o-mini input $0.15, output $0.60
//   Responses tools: web search $10 per 1k calls, file search $2.50 per 1k calls,
//   code interpreter $0.03 per container (1 GB, the default)
// 1 USD = 1e9 nano-USD, so $X per 1M tokens is X × 1000 nano-USD per token.
import { createFinOps, type FinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base'
import OpenAI, { toFile } from 'openai'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

const exporter = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
let provider: FakeProvider
let finops: FinOps
let records: UsageRecord[]
let recorded: Promise<void>
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  records = []
  let onRecord: () => void = () => undefined
  recorded = new Promise((resolve) => (onRecord = resolve))
  finops = createFinOps({
    tracerProvider,
    onUsage: (record) => {
      records.push(record)
      onRecord()
    },
  })
  openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops, attribution: { team: 'media' } })
})
afterEach(() => {
  exporter.reset()
  provider.reset()
})

/** The one GenAI span and the one usage record of the call, after settlement. */
async function onlyCall(): Promise<{ span: ReadableSpan; record: UsageRecord }> {
  await finops.flush()
  const spans = exporter.getFinishedSpans()
  expect(spans).toHaveLength(1)
  expect(records).toHaveLength(1)
  return { span: spans[0] as ReadableSpan, record: records[0] as UsageRecord }
}

/** 96 000 bytes: 3 s of audio for the fake provider (16 kHz 16-bit mono), 6 s for the wrapper's estimate (128 kbit/s). */
const threeSeconds = () => toFile(Buffer.alloc(96_000), 'speech.wav', { type: 'audio/wav' })
const image = () => toFile(Buffer.alloc(1_000), 'otter.png', { type: 'image/png' })
const prompt = 'an otter in a beret'

describe('images', () => {
  it('generate: image output tokens of every image at the image price', async () => {
    const response = await openai.images.generate({ model: 'gpt-image-1', prompt, quality: 'low', n: 2 })
    expect(response.data).toHaveLength(2)
    const { span, record } = await onlyCall()
    // 5 text input tokens × 5 000 + 2 × 272 image output tokens × 40 000
    expect(record.cost?.usdNanos).toBe(5 * 5_000 + 544 * 40_000)
    expect(record.estimated).toBe(false)
    expect(span.name).toBe('generate_content gpt-image-1')
    expect(span.attributes).toMatchObject({
      'gen_ai.operation.name': 'generate_content',
      'gen_ai.provider.name': 'openai',
      'gen_ai.usage.input_tokens': 5,
      'gen_ai.usage.output_tokens': 544,
      'finops.cost.amount': 0.021785,
      'team.name': 'media',
    })
  })

  it('generate stream: usage of the completed event, partial images included', async () => {
    const stream = await openai.images.generate({ model: 'gpt-image-1-mini', prompt, quality: 'medium', stream: true, partial_images: 2 })
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    expect(types).toEqual(['image_generation.partial_image', 'image_generation.partial_image', 'image_generation.completed'])
    const { record } = await onlyCall()
    // 5 text input tokens × 2 000 + (1056 + 2 × 100) image output tokens × 8 000
    expect(record.cost?.usdNanos).toBe(5 * 2_000 + 1_256 * 8_000)
  })

  it('edit: input images at the image input price (multipart upload)', async () => {
    await openai.images.edit({ model: 'gpt-image-1', image: [await image(), await image()], prompt, quality: 'high' })
    expect(provider.requests[0]?.body).toMatchObject({ model: 'gpt-image-1', image: [{ filename: 'otter.png' }, { filename: 'otter.png' }] })
    const { span, record } = await onlyCall()
    // 5 text × 5 000 + 2 × 194 image input × 10 000 + 4160 image output × 40 000
    expect(record.cost?.usdNanos).toBe(5 * 5_000 + 388 * 10_000 + 4_160 * 40_000)
    expect(span.attributes['gen_ai.usage.input_tokens']).toBe(393)
  })

  it('edit stream: usage of image_edit.completed', async () => {
    const stream = await openai.images.edit({ model: 'gpt-image-1', image: await image(), prompt, quality: 'low', stream: true, partial_images: 1 })
    for await (const event of stream) expect(event.type.startsWith('image_edit.')).toBe(true)
    const { record } = await onlyCall()
    // 5 text × 5 000 + 194 image input × 10 000 + (272 + 100) image output × 40 000
    expect(record.cost?.usdNanos).toBe(5 * 5_000 + 194 * 10_000 + 372 * 40_000)
  })
})

describe('transcriptions and translations', () => {
  it('token-billed transcription: audio tokens at the audio price', async () => {
    const transcript = await openai.audio.transcriptions.create({ model: 'gpt-4o-transcribe', file: await threeSeconds(), prompt: 'Names: Ada' })
    expect(transcript.text.split(' ')).toHaveLength(16)
    const { span, record } = await onlyCall()
    // 30 audio tokens × 6 000 + 2 prompt tokens × 2 500 + 16 output tokens × 10 000
    expect(record.cost?.usdNanos).toBe(30 * 6_000 + 2 * 2_500 + 16 * 10_000)
    expect(span.attributes).toMatchObject({ 'gen_ai.operation.name': 'generate_content', 'gen_ai.usage.input_tokens': 32, 'gen_ai.usage.output_tokens': 16 })
  })

  it('streamed transcription: usage of transcript.text.done', async () => {
    const stream = await openai.audio.transcriptions.create({ model: 'gpt-4o-mini-transcribe', file: await threeSeconds(), stream: true })
    let text = ''
    for await (const event of stream) if (event.type === 'transcript.text.delta') text += event.delta
    expect(text.split(' ')).toHaveLength(16)
    const { record } = await onlyCall()
    // 30 audio tokens × 3 000 + 16 output tokens × 5 000
    expect(record.cost?.usdNanos).toBe(30 * 3_000 + 16 * 5_000)
  })

  it('whisper transcription: the reported seconds at the per-minute price', async () => {
    await openai.audio.transcriptions.create({ model: 'whisper-1', file: await threeSeconds() })
    const { record } = await onlyCall()
    // 3 s × $0.0001
    expect(record.cost?.usdNanos).toBe(300_000)
    expect(record.estimated).toBe(false)
  })

  it('whisper transcription as plain text: the estimated seconds of the upload, flagged estimated', async () => {
    const text = await openai.audio.transcriptions.create({ model: 'whisper-1', file: await threeSeconds(), response_format: 'text' })
    expect(typeof text).toBe('string')
    const { span, record } = await onlyCall()
    // 96 000 bytes at 16 000 bytes/s = 6 s × $0.0001
    expect(record.cost?.usdNanos).toBe(600_000)
    expect(record.estimated).toBe(true)
    expect(span.attributes['finops.usage.estimated']).toBe(true)
  })

  it('verbose translation: the reported duration at the per-minute price', async () => {
    const translation = await openai.audio.translations.create({ model: 'whisper-1', file: await threeSeconds(), response_format: 'verbose_json' as const })
    expect((translation as OpenAI.Audio.TranslationVerbose).duration).toBe(3)
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(300_000)
    expect(record.estimated).toBe(false)
  })

  it('json translation (no usage in the response): the estimated seconds, flagged estimated', async () => {
    await openai.audio.translations.create({ model: 'whisper-1', file: await threeSeconds() })
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(600_000)
    expect(record.estimated).toBe(true)
  })
})

describe('speech', () => {
  const input = 'The quick brown fox jumps over the lazy dog again and again.' // 60 characters

  it('tts-1: the characters of the input at the per-character price, exact', async () => {
    const response = await openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input })
    expect((await response.arrayBuffer()).byteLength).toBe(6_000)
    const { span, record } = await onlyCall()
    // 60 characters × $15 / 1M = 60 × 15 000 nano-USD
    expect(record.cost?.usdNanos).toBe(60 * 15_000)
    expect(record.estimated).toBe(false)
    expect(span.name).toBe('generate_content tts-1')
  })

  it('tts-1-hd through asResponse(): still priced from the input', async () => {
    const response = await openai.audio.speech.create({ model: 'tts-1-hd', voice: 'alloy', input }).asResponse()
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    const { record } = await onlyCall()
    // 60 characters × $30 / 1M
    expect(record.cost?.usdNanos).toBe(60 * 30_000)
  })

  it('gpt-4o-mini-tts: estimated text input and audio output tokens, flagged estimated', async () => {
    await openai.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input })
    const { record } = await onlyCall()
    // Estimated: 60 characters / 4 = 15 input tokens × 600; 60 characters at 15 a second = 4 s at
    // 1250 audio tokens a minute = 84 (83.3 rounded up) output tokens × 12 000.
    expect(record.cost?.usdNanos).toBe(15 * 600 + 84 * 12_000)
    expect(record.estimated).toBe(true)
  })

  it('gpt-4o-mini-tts with stream_format sse: the usage of speech.audio.done, exact', async () => {
    const response = await openai.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input, stream_format: 'sse' })
    expect(await response.text()).toContain('speech.audio.done')
    await recorded // the usage is read from a clone of the body, settled when that clone ends
    const { record } = await onlyCall()
    // 12 input tokens (the fake provider's words) × 600 + 60 audio output tokens × 12 000
    expect(record.cost?.usdNanos).toBe(12 * 600 + 60 * 12_000)
    expect(record.estimated).toBe(false)
  })

  it('gpt-4o-mini-tts sse through asResponse(): the same exact usage', async () => {
    await openai.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input, stream_format: 'sse' }).asResponse()
    await recorded
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(12 * 600 + 60 * 12_000)
  })
})

describe('Responses tool fees', () => {
  const tools: OpenAI.Responses.Tool[] = [
    { type: 'web_search' },
    { type: 'file_search', vector_store_ids: ['vs_1'] },
    { type: 'code_interpreter', container: { type: 'auto' } },
  ]
  // 4 input tokens × 2 500 + 16 output tokens × 10 000 + one web search ($0.01), one file
  // search ($0.0025) and one code-interpreter container ($0.03).
  const expected = 4 * 2_500 + 16 * 10_000 + 10_000_000 + 2_500_000 + 30_000_000

  it('counts hosted tool calls of a response', async () => {
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'find recent otter news', tools })
    expect(response.output.map((item) => item.type)).toEqual(['web_search_call', 'file_search_call', 'code_interpreter_call', 'message'])
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(expected)
  })

  it('counts hosted tool calls of a streamed response', async () => {
    const stream = await openai.responses.create({ model: 'gpt-4o', input: 'find recent otter news', tools, stream: true })
    for await (const event of stream) expect(event.type).toBeTruthy()
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(expected)
  })

  it('does not charge a container the request named (billed when it was created)', async () => {
    await openai.responses.create({ model: 'gpt-4o', input: 'find recent otter news', tools: [{ type: 'code_interpreter', container: 'cntr_mine' }] })
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(4 * 2_500 + 16 * 10_000)
  })
})

describe('the rest of the Responses family', () => {
  it('beta.responses.create: metered like responses.create', async () => {
    await openai.beta.responses.create({ model: 'gpt-4o', input: 'one two three four' })
    expect(provider.requests[0]?.url).toBe('/v1/responses?beta=true')
    const { span, record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(4 * 2_500 + 16 * 10_000)
    expect(span.attributes['gen_ai.operation.name']).toBe('chat')
  })

  it('responses.compact: the compaction tokens', async () => {
    const compacted = await openai.responses.compact({ model: 'gpt-4o', input: 'one two three four' })
    expect(compacted.output[0]?.type).toBe('compaction')
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(4 * 2_500 + 16 * 10_000)
  })

  it('beta.responses.compact: the compaction tokens', async () => {
    await openai.beta.responses.compact({ model: 'gpt-4o', input: 'one two three four' })
    const { record } = await onlyCall()
    expect(record.cost?.usdNanos).toBe(4 * 2_500 + 16 * 10_000)
  })

  it('decisions.create: the model tokens of the answers', async () => {
    const decision = await openai.decisions.create({
      model: 'gpt-4o-mini',
      input: 'one two three four',
      questions: [{ type: 'predicate', instructions: 'is it a list' }],
    })
    expect(decision.answers).toHaveLength(1)
    const { record } = await onlyCall()
    // (4 + 4) input tokens × 150 + 1 output token × 600
    expect(record.cost?.usdNanos).toBe(8 * 150 + 600)
  })
})

describe('guards before the request', () => {
  it('denies an image generation over a hard budget without sending it', async () => {
    finops = createFinOps({
      tracerProvider,
      onUsage: (record) => void records.push(record),
      policies: [{ key: 'media', limits: { budget: { period: 'daily', hard_limit_usd: 0.01 } } }],
    })
    openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops })
    // Reserved before sending: 4160 high-quality image tokens × $40 / 1M = $0.1664 > $0.01.
    await expect(openai.images.generate({ model: 'gpt-image-1', prompt, quality: 'high' })).rejects.toMatchObject({ reason: 'budget' })
    expect(provider.requests).toHaveLength(0)
  })
})
