import { context, ROOT_CONTEXT, trace, type Attributes, type Span } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallHandle } from '../call/call-path.js'
import { callPathOf } from '../engine/call-path-of.js'
import { createFinOps } from '../engine/create-finops.js'
import { bypassedCallsSpanProcessor } from './bypassed-calls-span-processor.js'

const tracerProvider = new BasicTracerProvider({ spanProcessors: [bypassedCallsSpanProcessor()] })
const aiSdk = tracerProvider.getTracer('ai')
const openaiInstrumentation = tracerProvider.getTracer('@opentelemetry/instrumentation-openai')

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
})
afterAll(() => context.disable())

const doGenerate = { 'ai.operationId': 'ai.generateText.doGenerate', 'ai.model.provider': 'openai.responses', 'gen_ai.request.model': 'gpt-4o-mini' }
const chat = { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o-mini' }

/** A span of another instrumentation, ended inside `body` run with it active. */
function foreignSpan(tracer: typeof aiSdk, name: string, attributes: Attributes, body: () => void = () => {}): void {
  tracer.startActiveSpan(name, { attributes }, (span: Span) => {
    body()
    span.end()
  })
}

/** One engine call, run with its span active, that `body` sees from inside. */
function engineCall(finops: ReturnType<typeof createFinOps>, body: () => void = () => {}): void {
  const handle = callPathOf(finops).begin({ provider: 'openai', operation: 'chat', model: 'gpt-4o-mini', stream: false, estimatedInputTokens: 8 }) as CallHandle
  context.with(handle.context, body)
  handle.succeed({ usage: { inputTokens: 8, outputTokens: 16 } })
}

function engine() {
  return createFinOps({ tracerProvider, attribution: { required: ['team'], onMissing: 'allow' } })
}

describe('bypassedCallsSpanProcessor', () => {
  it('counts an AI SDK model call that no engine span is related to', () => {
    const finops = engine()
    foreignSpan(aiSdk, 'ai.generateText.doGenerate', doGenerate)
    expect(finops.coverage().calls).toEqual({ total: 1, attributed: 0, unallocated: 0, bypassed: 1 })
  })

  it("does not count a framework's span around a call the engine made", () => {
    const finops = engine()
    foreignSpan(aiSdk, 'ai.generateText.doGenerate', doGenerate, () => engineCall(finops))
    expect(finops.coverage().calls).toMatchObject({ total: 1, bypassed: 0 })
  })

  it("does not count another instrumentation's span inside an engine call", () => {
    const finops = engine()
    engineCall(finops, () => foreignSpan(openaiInstrumentation, 'chat gpt-4o-mini', chat))
    expect(finops.coverage().calls).toMatchObject({ total: 1, bypassed: 0 })
  })

  it('counts a GenAI call of another instrumentation made outside any engine call', () => {
    const finops = engine()
    engineCall(finops)
    foreignSpan(openaiInstrumentation, 'chat gpt-4o-mini', chat)
    expect(finops.coverage().calls).toMatchObject({ total: 2, unallocated: 1, bypassed: 1 })
  })

  it("ignores agent and tool spans and the AI SDK's outer spans", () => {
    const finops = engine()
    foreignSpan(aiSdk, 'invoke_agent Support', { 'gen_ai.operation.name': 'invoke_agent' })
    foreignSpan(aiSdk, 'ai.generateText', { 'ai.operationId': 'ai.generateText' })
    foreignSpan(aiSdk, 'GET /health', {})
    expect(finops.coverage().calls.bypassed).toBe(0)
  })

  it('links a span started with an explicit parent context', () => {
    const finops = engine()
    const handle = callPathOf(finops).begin({ provider: 'openai', operation: 'chat', model: 'gpt-4o-mini', stream: false, estimatedInputTokens: 8 }) as CallHandle
    openaiInstrumentation.startSpan('chat gpt-4o-mini', { attributes: chat }, handle.context).end()
    handle.succeed({ usage: { inputTokens: 8, outputTokens: 16 } })
    aiSdk.startSpan('ai.embed.doEmbed', { attributes: { 'ai.operationId': 'ai.embed.doEmbed' } }, ROOT_CONTEXT).end()
    expect(finops.coverage().calls.bypassed).toBe(1)
  })

  it('reports a bypassed call to the engines that existed when it was made', () => {
    const before = engine()
    foreignSpan(aiSdk, 'ai.streamText.doStream', { 'ai.operationId': 'ai.streamText.doStream' })
    const after = engine()
    expect(before.coverage().calls.bypassed).toBe(1)
    expect(after.coverage().calls.bypassed).toBe(0)
  })

  it('finds the parent through trace context when the span does not name it', () => {
    const processor = bypassedCallsSpanProcessor()
    const finops = engine()
    const ours = { name: 'chat gpt-4o-mini', attributes: chat, instrumentationScope: { name: '@finops-ai/core' }, spanContext: () => ({ traceId: '1'.repeat(32), spanId: 'a'.repeat(16), traceFlags: 1 }) }
    const inner = { name: 'chat gpt-4o-mini', attributes: chat, instrumentationScope: { name: 'other' }, spanContext: () => ({ traceId: '1'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 }) }
    processor.onStart(ours, ROOT_CONTEXT)
    processor.onStart(inner, trace.setSpanContext(ROOT_CONTEXT, ours.spanContext()))
    processor.onEnd(inner)
    processor.onEnd(ours)
    expect(finops.coverage().calls.bypassed).toBe(0)
  })
})
