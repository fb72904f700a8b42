import { createOpenAI } from '@ai-sdk/openai'
import { callPathOf, createFinOps, withAttribution, type CallHandle } from '@finops-ai/core'
import { ROOT_CONTEXT, trace, type Attributes, type Context } from '@opentelemetry/api'
import { embed, generateText, streamText } from 'ai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from '../fake-provider/fake-provider.js'
import { bypassedCalls } from './bypassed-calls.js'
import { captureTelemetry } from './capture-telemetry.js'
import { expectAllCallsAttributed } from './expect-all-calls-attributed.js'

const capture = captureTelemetry({ global: false })
afterEach(() => capture.reset())
afterAll(() => capture.shutdown())

/** Starts a span of `scope`, runs `inside` with it as parent context, then ends it. */
function span(scope: string, name: string, attributes: Attributes, inside: (parent: Context) => void = () => {}, parent = ROOT_CONTEXT): void {
  const started = capture.tracerProvider.getTracer(scope).startSpan(name, { attributes }, parent)
  inside(trace.setSpan(parent, started))
  started.end()
}

const doGenerate = { 'ai.operationId': 'ai.generateText.doGenerate' }
const chat = { 'gen_ai.operation.name': 'chat' }
const names = () => bypassedCalls(capture.spans()).map((found) => found.name)

describe('bypassedCalls', () => {
  it('returns the model calls no finops-ai span is related to, in order', () => {
    span('ai', 'ai.generateText', { 'ai.operationId': 'ai.generateText' }, (parent) => span('ai', 'ai.generateText.doGenerate', doGenerate, () => {}, parent))
    span('@opentelemetry/instrumentation-openai', 'chat gpt-4o', chat)
    span('@openai/agents', 'invoke_agent Support', { 'gen_ai.operation.name': 'invoke_agent' })
    expect(names()).toEqual(['ai.generateText.doGenerate', 'chat gpt-4o'])
  })

  it('leaves out model calls with a finops-ai span below or above them, at any depth', () => {
    span('ai', 'ai.generateText.doGenerate', doGenerate, (parent) =>
      span('my-app', 'retry', {}, (inner) => span('@finops-ai/core', 'chat gpt-4o', chat, () => {}, inner), parent),
    )
    span('@finops-ai/core', 'chat gpt-4o', chat, (parent) =>
      span('undici', 'POST', {}, (inner) => span('@opentelemetry/instrumentation-openai', 'chat gpt-4o', chat, () => {}, inner), parent),
    )
    expect(names()).toEqual([])
  })

  it('never returns finops-ai spans', () => {
    span('@finops-ai/core', 'chat gpt-4o', chat)
    expect(names()).toEqual([])
  })

  it('relates plain span objects to none, and takes those with finops.* attributes as finops-ai spans', () => {
    const plain = [
      { name: 'chat gpt-4o', attributes: { ...chat, 'finops.cost.amount': 0.1 } },
      { name: 'ai.embed.doEmbed', attributes: { 'ai.operationId': 'ai.embed.doEmbed' } },
    ]
    expect(bypassedCalls(plain)).toEqual([plain[1]])
  })
})

describe('calls of the real AI SDK (ai 6) with telemetry enabled', () => {
  let provider: FakeProvider
  beforeAll(async () => {
    provider = await fakeProvider()
  })
  afterAll(() => provider.close())

  it('are bypassed calls for expectAllCallsAttributed and coverage(), next to a call the engine made', async () => {
    const finops = createFinOps({ tracerProvider: capture.tracerProvider })
    const request = { provider: 'openai', operation: 'chat', model: 'gpt-4o-mini', stream: false, estimatedInputTokens: 4 } as const
    const handle = withAttribution({ team: 'search' }, () => callPathOf(finops).begin(request)) as CallHandle
    handle.succeed({ usage: { inputTokens: 4, outputTokens: 16 } })

    // The `ai` package brings its own @opentelemetry/api, which ignores globals registered by an
    // older copy: hand it the tracer.
    const telemetry = { isEnabled: true, tracer: capture.tracerProvider.getTracer('ai') }
    const openai = createOpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
    await generateText({ model: openai('gpt-4o-mini'), prompt: 'Hello?', experimental_telemetry: telemetry })
    const stream = streamText({ model: openai.chat('gpt-4o-mini'), prompt: 'Hello?', experimental_telemetry: telemetry })
    await stream.text
    await embed({ model: openai.embedding('text-embedding-3-small'), value: 'Hello?', experimental_telemetry: telemetry })

    expect(names()).toEqual(['ai.generateText.doGenerate', 'ai.streamText.doStream', 'ai.embed.doEmbed'])
    expect(finops.coverage().calls).toEqual({ total: 4, attributed: 1, unallocated: 0, bypassed: 3 })
    expect(() => expectAllCallsAttributed(capture)).toThrow(
      /3 of 4 GenAI call\(s\) lack attribution[^]*"ai\.generateText\.doGenerate" \(openai\.responses gpt-4o-mini\) did not go through finops-ai/,
    )
  })
})
