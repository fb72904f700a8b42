import { createFinOps, type CachedResponse, type FinOps, type ResponseCacheOptions, type UsageRecord } from '@finops-ai/core'
import { generateText, streamText, wrapLanguageModel } from 'ai'
import { describe, expect, it } from 'vitest'
import type { GenerateResult, WrapGenerateOptions } from './ai-sdk-types.js'
import { useFakeProviderRig } from './fake-provider-rig.js'
import { finopsMiddleware } from './finops-middleware.js'

const prompt = 'What are your opening hours'
const rig = useFakeProviderRig()

function engine(cache: ResponseCacheOptions = {}) {
  const records: UsageRecord[] = []
  const finops = createFinOps({ cache, onUsage: (record) => void records.push(record) })
  return { finops, records }
}

const wrapped = (model: Parameters<typeof wrapLanguageModel>[0]['model'], finops: FinOps) =>
  wrapLanguageModel({ model, middleware: finopsMiddleware({ finops, attribution: { team: 'support' } }) })

const cases = [
  // OpenAI responses carry their creation time (`response.timestamp`); with Anthropic the AI SDK uses the time of the call.
  { name: '@ai-sdk/openai responses', model: () => rig.models.openai.responses('gpt-4o'), providerTimestamp: true },
  { name: '@ai-sdk/openai chat', model: () => rig.models.openai.chat('gpt-4o'), providerTimestamp: true },
  { name: '@ai-sdk/anthropic messages', model: () => rig.models.anthropic('claude-haiku-4-5'), providerTimestamp: false },
]

describe.each(cases)('the response cache through finopsMiddleware with $name', ({ model, providerTimestamp }) => {
  it('generateText: a repeated temperature-0 call is answered from the cache, recorded as a free hit with its avoided cost', async () => {
    const { finops, records } = engine()
    const first = await generateText({ model: wrapped(model(), finops), prompt, temperature: 0 })
    const second = await generateText({ model: wrapped(model(), finops), prompt, temperature: 0 })
    expect(second.text).toBe(first.text)
    expect(second.usage).toEqual(first.usage)
    expect(second.response.timestamp).toBeInstanceOf(Date)
    if (providerTimestamp) expect(second.response.timestamp.getTime()).toBe(first.response.timestamp.getTime())
    expect(rig.provider.requests).toHaveLength(1)
    await finops.flush()
    expect(records.map((record) => record.cost?.usdNanos)).toEqual([records[0]!.cost!.usdNanos, 0])
    expect(records[1]).toMatchObject({ status: 'ok', cacheHit: { costAvoided: records[0]!.cost }, usage: records[0]!.usage })
  })

  it('streamText: a stream that completed is replayed as a stream, part by part', async () => {
    const { finops, records } = engine()
    rig.provider.setReplyWords(6)
    const read = async () => {
      const result = streamText({ model: wrapped(model(), finops), prompt, temperature: 0 })
      const types: string[] = []
      for await (const part of result.fullStream) types.push(part.type)
      return { text: await result.text, types, usage: await result.usage }
    }
    const first = await read()
    const second = await read()
    expect(second).toEqual(first)
    expect(first.text.trim().split(/\s+/)).toHaveLength(6)
    expect(rig.provider.requests).toHaveLength(1)
    await finops.flush()
    expect(records[1]).toMatchObject({ stream: true, cost: { usdNanos: 0 }, cacheHit: { costAvoided: records[0]!.cost } })
  })
})

describe('which AI SDK calls the response cache answers', () => {
  it('sends calls that did not opt in, and never shares a response between models or between generate and stream', async () => {
    const { finops } = engine()
    await generateText({ model: wrapped(rig.models.openai.chat('gpt-4o'), finops), prompt })
    await generateText({ model: wrapped(rig.models.openai.chat('gpt-4o'), finops), prompt })
    await generateText({ model: wrapped(rig.models.openai.chat('gpt-4o'), finops), prompt, temperature: 0 })
    await generateText({ model: wrapped(rig.models.openai.chat('gpt-4o-mini'), finops), prompt, temperature: 0 })
    await streamText({ model: wrapped(rig.models.openai.chat('gpt-4o'), finops), prompt, temperature: 0 }).text
    expect(rig.provider.requests).toHaveLength(5)
  })

  it('does not store a stream the caller stopped reading', async () => {
    const { finops } = engine()
    rig.provider.setReplyWords(50)
    const stopped = streamText({ model: wrapped(rig.models.openai.chat('gpt-4o'), finops), prompt, temperature: 0 })
    for await (const part of stopped.textStream) if (part.length > 0) break
    await finops.flush()
    await streamText({ model: wrapped(rig.models.openai.chat('gpt-4o'), finops), prompt, temperature: 0 }).text
    expect(rig.provider.requests).toHaveLength(2)
  })

  it('does not store a result that is not plain JSON (a generated file as bytes)', async () => {
    const { finops } = engine()
    let sent = 0
    const withFile = {
      content: [{ type: 'file', mediaType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) }],
      finishReason: 'stop',
      usage: { inputTokens: 5, outputTokens: 3, totalTokens: 8 },
      warnings: [],
    } as unknown as GenerateResult
    const wrapGenerate = finopsMiddleware({ finops }).wrapGenerate!
    const call = {
      doGenerate: async () => {
        sent += 1
        return withFile
      },
      doStream: async () => ({ stream: new ReadableStream() }),
      params: { prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }], temperature: 0 },
      model: { provider: 'openai.chat', modelId: 'gpt-4o' },
    } as unknown as WrapGenerateOptions
    expect(await wrapGenerate(call)).toBe(withFile)
    await finops.flush()
    expect(await wrapGenerate(call)).toBe(withFile)
    expect(sent).toBe(2)
  })

  it('fails the call, sending nothing, when the cache holds something else under its key', async () => {
    const foreign: CachedResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"chatcmpl-1"}', storedAt: '2026-12-01T00:00:00.000Z' }
    const { finops, records } = engine({ store: { get: () => foreign, set: () => {} } })
    await expect(generateText({ model: wrapped(rig.models.openai.chat('gpt-4o'), finops), prompt, temperature: 0 })).rejects.toThrow(
      /the response cache holds no AI SDK result under this call's key \(stored 2026-12-01T00:00:00.000Z\)/,
    )
    expect(rig.provider.requests).toHaveLength(0)
    await finops.flush()
    expect(records[0]).toMatchObject({ status: 'error' })
  })
})
