// Opt-in content capture end to end: real SDK clients against fakeProvider(), the real engine and
// an in-memory span exporter. Content goes to spans only, in the GenAI semantic-convention JSON.
import Anthropic from '@anthropic-ai/sdk'
import { createFinOps, type FinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps as withAnthropicFinOps } from '@finops-ai/anthropic'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

const exporter = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
let provider: FakeProvider
let records: UsageRecord[]

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
afterEach(() => {
  exporter.reset()
  provider.reset()
  vi.unstubAllEnvs()
})

function engine(captureContent: boolean | undefined): FinOps {
  records = []
  return createFinOps({ tracerProvider, captureContent, onUsage: (record) => void records.push(record) })
}

async function onlySpan(finops: FinOps): Promise<ReadableSpan> {
  await finops.flush()
  const spans = exporter.getFinishedSpans()
  expect(spans).toHaveLength(1)
  return spans[0] as ReadableSpan
}

const contentAttributes = ['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.system_instructions']
const messages = [
  { role: 'system' as const, content: 'answer briefly' },
  { role: 'user' as const, content: 'one two three' },
]
const chatInput = JSON.stringify([
  { role: 'system', parts: [{ type: 'text', content: 'answer briefly' }] },
  { role: 'user', parts: [{ type: 'text', content: 'one two three' }] },
])
const text = (content: string) => [{ type: 'text', content }]

function openai(finops: FinOps): OpenAI {
  return withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops })
}

function anthropic(finops: FinOps): Anthropic {
  return withAnthropicFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test', maxRetries: 0 }), { finops })
}

describe('content capture off (the default)', () => {
  it('records no content attribute, for plain and streamed calls of both providers', async () => {
    const finops = engine(undefined)
    const client = openai(finops)
    await client.chat.completions.create({ model: 'gpt-4o', messages })
    for await (const chunk of await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })) void chunk
    await client.responses.create({ model: 'gpt-4o', input: 'hi', instructions: 'be brief' })
    await anthropic(finops).messages.create({ model: 'claude-sonnet-4-5', max_tokens: 32, system: 's', messages: [{ role: 'user', content: 'hi' }] })
    await finops.flush()
    const spans = exporter.getFinishedSpans()
    expect(spans).toHaveLength(4)
    for (const span of spans) for (const name of contentAttributes) expect(span.attributes).not.toHaveProperty(name)
  })

  it('follows OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT unless the option overrides it', async () => {
    vi.stubEnv('OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT', 'true')
    const fromEnvironment = engine(undefined)
    await openai(fromEnvironment).chat.completions.create({ model: 'gpt-4o', messages })
    expect((await onlySpan(fromEnvironment)).attributes['gen_ai.input.messages']).toBe(chatInput)
    exporter.reset()
    const overridden = engine(false)
    await openai(overridden).chat.completions.create({ model: 'gpt-4o', messages })
    expect((await onlySpan(overridden)).attributes).not.toHaveProperty('gen_ai.input.messages')
  })
})

describe('content capture on (createFinOps({ captureContent: true }))', () => {
  it('chat completion: input and output messages as semantic-convention JSON, on the span only', async () => {
    const finops = engine(true)
    const completion = await openai(finops).chat.completions.create({ model: 'gpt-4o', messages })
    const span = await onlySpan(finops)
    const choice = completion.choices[0]
    expect(span.attributes['gen_ai.input.messages']).toBe(chatInput)
    expect(span.attributes['gen_ai.output.messages']).toBe(
      JSON.stringify([{ role: 'assistant', parts: text(choice?.message.content ?? ''), finish_reason: choice?.finish_reason }]),
    )
    expect(JSON.stringify(records)).not.toContain('one two three')
  })

  it('chat stream: the streamed text is accumulated into the output messages', async () => {
    const finops = engine(true)
    let streamed = ''
    for await (const chunk of await openai(finops).chat.completions.create({ model: 'gpt-4o', messages, stream: true })) {
      streamed += chunk.choices[0]?.delta.content ?? ''
    }
    const span = await onlySpan(finops)
    expect(streamed.length).toBeGreaterThan(0)
    expect(span.attributes['gen_ai.input.messages']).toBe(chatInput)
    expect(span.attributes['gen_ai.output.messages']).toBe(JSON.stringify([{ role: 'assistant', parts: text(streamed), finish_reason: 'stop' }]))
  })

  it('Responses call: input, instructions and output', async () => {
    const finops = engine(true)
    const response = await openai(finops).responses.create({ model: 'gpt-4o', input: 'one two three', instructions: 'answer briefly' })
    const span = await onlySpan(finops)
    expect(span.attributes['gen_ai.input.messages']).toBe(JSON.stringify([{ role: 'user', parts: text('one two three') }]))
    expect(span.attributes['gen_ai.system_instructions']).toBe(JSON.stringify(text('answer briefly')))
    expect(span.attributes['gen_ai.output.messages']).toBe(
      JSON.stringify([{ role: 'assistant', parts: text(response.output_text), finish_reason: 'stop' }]),
    )
  })

  it('Responses stream: the output of the terminal response', async () => {
    const finops = engine(true)
    let streamed = ''
    for await (const event of await openai(finops).responses.create({ model: 'gpt-4o', input: 'one two three', stream: true })) {
      if (event.type === 'response.output_text.delta') streamed += event.delta
    }
    const span = await onlySpan(finops)
    expect(span.attributes['gen_ai.output.messages']).toBe(JSON.stringify([{ role: 'assistant', parts: text(streamed), finish_reason: 'stop' }]))
  })

  it('Anthropic message: system instructions, messages and content blocks', async () => {
    const finops = engine(true)
    const message = await anthropic(finops).messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 64,
      system: 'answer briefly',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'one two three' }] }],
    })
    const span = await onlySpan(finops)
    const reply = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')
    expect(span.attributes['gen_ai.system_instructions']).toBe(JSON.stringify(text('answer briefly')))
    expect(span.attributes['gen_ai.input.messages']).toBe(JSON.stringify([{ role: 'user', parts: text('one two three') }]))
    expect(span.attributes['gen_ai.output.messages']).toBe(
      JSON.stringify([{ role: 'assistant', parts: text(reply), finish_reason: message.stop_reason }]),
    )
  })

  it('Anthropic stream: text deltas accumulated per content block', async () => {
    const finops = engine(true)
    let streamed = ''
    let stopReason: string | null | undefined
    const stream = await anthropic(finops).messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'one two three' }],
      stream: true,
    })
    for await (const event of stream) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') streamed += event.delta.text
      if (event.type === 'message_delta') stopReason = event.delta.stop_reason
    }
    const span = await onlySpan(finops)
    expect(streamed.length).toBeGreaterThan(0)
    expect(span.attributes['gen_ai.output.messages']).toBe(JSON.stringify([{ role: 'assistant', parts: text(streamed), finish_reason: stopReason }]))
  })
})
