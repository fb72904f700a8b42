// The CI kit against real Vercel AI SDK calls: `expectAllCallsAttributed` and `coverage()` see an
// AI SDK call that bypassed finops-ai through its telemetry spans, and count a call made through
// `@finops-ai/ai-sdk` once. Real `ai` 6 + `@ai-sdk/openai` and `openai` clients against
// fakeProvider(), the real engine, the real OTel SDK in memory.
import { createRequire } from 'node:module'
import { createOpenAI } from '@ai-sdk/openai'
import { withFinOps as withFinOpsModel } from '@finops-ai/ai-sdk'
import { createFinOps, withAttribution } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { captureTelemetry, expectAllCallsAttributed, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { generateText, streamText } from 'ai'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

// `ai` depends on a newer @opentelemetry/api than the repository's, and an API copy ignores
// globals registered by an older one. An application has one copy; here the newest registers the
// globals, so that the AI SDK, the engine and the context manager share them.
const require = createRequire(import.meta.url)
const otel = createRequire(require.resolve('ai'))('@opentelemetry/api') as typeof import('@opentelemetry/api')
const capture = captureTelemetry({ global: false })
let provider: FakeProvider

beforeAll(async () => {
  otel.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  otel.trace.setGlobalTracerProvider(capture.tracerProvider)
  provider = await fakeProvider()
})
afterEach(() => capture.reset())
afterAll(async () => {
  otel.trace.disable()
  otel.context.disable()
  await provider.close()
  await capture.shutdown()
})

const telemetry = { isEnabled: true }

describe('the CI kit with the Vercel AI SDK', () => {
  it('fails an AI SDK call that bypassed finops-ai next to a wrapped client call, and counts it in coverage()', async () => {
    const finops = createFinOps()
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops, attribution: { team: 'support' } })
    const unwrapped = createOpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
    await withAttribution({ feature: 'faq' }, async () => {
      await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello?' }] })
      await generateText({ model: unwrapped('gpt-4o-mini'), prompt: 'Hello?', experimental_telemetry: telemetry })
    })
    await finops.flush()

    expect(finops.coverage().calls).toEqual({ total: 2, attributed: 1, unallocated: 0, bypassed: 1 })
    expect(() => expectAllCallsAttributed(capture, { required: ['team', 'feature'] })).toThrow(
      [
        'expectAllCallsAttributed: 1 of 2 GenAI call(s) lack attribution (required: team, feature):',
        '  1. "ai.generateText.doGenerate" (openai.responses gpt-4o-mini) did not go through finops-ai (no guards, no cost, no attribution); ' +
          'call site unknown (the span has no code.file.path or code.stacktrace)',
      ].join('\n'),
    )
  })

  it('counts a call through @finops-ai/ai-sdk once, as the engine call under the AI SDK span', async () => {
    const finops = createFinOps()
    const model = withFinOpsModel(createOpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })('gpt-4o-mini'), { finops, attribution: { team: 'support' } })
    await withAttribution({ feature: 'faq' }, async () => {
      await generateText({ model, prompt: 'Hello?', experimental_telemetry: telemetry })
      await streamText({ model, prompt: 'Hello?', experimental_telemetry: telemetry }).text
    })
    await finops.flush()

    expect(finops.coverage().calls).toEqual({ total: 2, attributed: 2, unallocated: 0, bypassed: 0 })
    expect(capture.genAiSpans().map((span) => span.instrumentationScope.name)).toEqual(['@finops-ai/core', '@finops-ai/core'])
    expect(expectAllCallsAttributed(capture, { required: ['team', 'feature'] })).toBeUndefined()
  })
})
