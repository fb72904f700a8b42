// API keys, Authorization headers and prompt/completion content never appear in any output:
// spans, metrics, finops events, usage records or OTel diag logs — on success, stream, cut stream,
// provider error, timeout, denial and store failure.
import Anthropic from '@anthropic-ai/sdk'
import { createFinOps, type FinOps } from '@finops-ai/core'
import { withFinOps as withAnthropicFinOps } from '@finops-ai/anthropic'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, fakeReplyWords, type FakeProvider } from '@finops-ai/testing'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { recordEverything, type EmittedOutputs } from './everything-emitted.js'

const apiKey = 'sk-test-SECRET-123'
const promptWord = 'zebracorn7f3a'
const prompt = `please summarise the ${promptWord} report`
// Distinctive words of the fake provider's reply sentence.
const replyWords = fakeReplyWords(16).filter((word) => ['Hello', 'counts', 'exactly'].includes(word))

let provider: FakeProvider
let outputs: EmittedOutputs
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
afterEach(() => {
  outputs.close()
  provider.reset()
})

function engine(extra: Parameters<typeof createFinOps>[0] = {}): FinOps {
  outputs = recordEverything()
  return createFinOps({
    tracerProvider: outputs.tracerProvider,
    meterProvider: outputs.meterProvider,
    onEvent: outputs.onEvent,
    onUsage: outputs.onUsage,
    attribution: { required: ['team'], onMissing: 'warn' },
    policies: [
      { key: 'all', limits: { requests_per_minute: 1_000, budget: { period: 'daily', soft_limit_usd: 0.000_001, hard_limit_usd: 5 } } },
      { key: 'tiny', match: { feature: 'tiny' }, limits: { budget: { period: 'daily', hard_limit_usd: 0.000_001 } } },
    ],
    ...extra,
  })
}

const swallow = async (work: () => Promise<unknown>) => {
  try {
    const result = await work()
    if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
      for await (const item of result as AsyncIterable<unknown>) void item
    }
  } catch {
    // Errors are part of the scenario; only outputs are checked.
  }
}

async function expectClean(): Promise<void> {
  const text = await outputs.text()
  expect(outputs.spans().length).toBeGreaterThan(0)
  expect(outputs.records.length).toBeGreaterThan(0)
  expect(text).not.toContain('SECRET-123')
  expect(text).not.toMatch(/bearer /i)
  expect(text.toLowerCase()).not.toContain('authorization')
  expect(text.toLowerCase()).not.toContain('x-api-key')
  expect(text).not.toContain(promptWord)
  for (const word of replyWords) expect(text).not.toContain(word)
  // Content capture is off by default: no content attribute, even an empty one.
  for (const span of outputs.spans()) {
    for (const name of ['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.system_instructions']) {
      expect(span.attributes).not.toHaveProperty(name)
    }
  }
}

describe('openai: no key, header or content in any output', () => {
  it('across success, streams, cut streams, provider errors, timeouts and denials', async () => {
    const finops = engine()
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey, maxRetries: 0 }), { finops, attribution: { team: 'search' } })
    const bare = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey, maxRetries: 0 }), { finops })
    const messages = [{ role: 'user' as const, content: prompt }]

    await swallow(() => openai.chat.completions.create({ model: 'gpt-4o', messages }))
    await swallow(() => openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))
    await swallow(() => openai.responses.create({ model: 'gpt-4o', input: prompt }))
    await swallow(() => openai.responses.create({ model: 'gpt-4o', input: prompt, stream: true }))
    await swallow(() => openai.embeddings.create({ model: 'text-embedding-3-small', input: prompt }))
    await swallow(() => openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt }))
    // Unattributed call: attribution_missing event and a call site on the span.
    await swallow(() => bare.chat.completions.create({ model: 'gpt-4o', messages }))
    // Unknown price.
    await swallow(() => openai.chat.completions.create({ model: 'no-such-model', messages }))
    provider.cutNextStream({ afterChunks: 6 })
    await swallow(() => openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))
    for (const status of [400, 401, 429, 500]) {
      provider.failNext({ status })
      await swallow(() => openai.chat.completions.create({ model: 'gpt-4o', messages }))
    }
    provider.setLatency(200)
    await swallow(() => openai.chat.completions.create({ model: 'gpt-4o', messages }, { timeout: 20 }))
    provider.setLatency(0)
    // Denied by a guard before sending.
    await swallow(() => openai.chat.completions.create({ model: 'gpt-4o', messages }, {}))
    const { withAttribution } = await import('@finops-ai/core')
    await withAttribution({ feature: 'tiny' }, () => swallow(() => openai.chat.completions.create({ model: 'gpt-4o', messages })))
    await finops.flush()
    expect(outputs.records.some((record) => record.status === 'denied')).toBe(true)
    expect(outputs.events.map((event) => event.type)).toEqual(expect.arrayContaining(['attribution_missing', 'unknown_price', 'limit_exceeded', 'soft_limit']))
    expect(provider.requests.some((request) => request.headers.authorization === `Bearer ${apiKey}`)).toBe(true)
    await expectClean()
  })

  it('when the store fails: the store_degraded event carries no key or content', async () => {
    const failing = {
      reserve: () => {
        throw new Error('store down')
      },
      settle: () => {
        throw new Error('store down')
      },
      read: () => [],
    }
    const finops = engine({ store: failing })
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey, maxRetries: 0 }), { finops, attribution: { team: 'search' } })
    await swallow(() => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] }))
    await finops.flush()
    expect(outputs.events.some((event) => event.type === 'store_degraded')).toBe(true)
    await expectClean()
  })
})

describe('anthropic: no key, header or content in any output', () => {
  it('across success, stream, cut stream and provider errors', async () => {
    const finops = engine()
    const anthropic = withAnthropicFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey, maxRetries: 0 }), {
      finops,
      attribution: { team: 'search' },
    })
    const body = { model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user' as const, content: prompt }] }
    await swallow(() => anthropic.messages.create(body))
    await swallow(() => anthropic.messages.create({ ...body, stream: true }))
    provider.cutNextStream({ afterChunks: 5 })
    await swallow(() => anthropic.messages.create({ ...body, stream: true }))
    for (const status of [401, 429, 529]) {
      provider.failNext({ status })
      await swallow(() => anthropic.messages.create(body))
    }
    await finops.flush()
    const sent = (request: (typeof provider.requests)[number]) => request.headers['x-api-key'] === apiKey || request.headers.authorization === `Bearer ${apiKey}`
    expect(provider.requests.some(sent)).toBe(true)
    await expectClean()
  })
})
