// The middleware must price a call exactly as the direct adapters (`@finops-ai/openai`,
// `@finops-ai/anthropic`) price the same response: same fake responses, same engine settings.
import Anthropic from '@anthropic-ai/sdk'
import { withFinOps as withFinOpsAnthropic } from '@finops-ai/anthropic'
import { createFinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps as withFinOpsOpenAI } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider, type UsageOverrides } from '@finops-ai/testing'
import { generateText, streamText } from 'ai'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeProviderModels } from './fake-provider-models.js'
import { withFinOps } from './with-finops.js'

// Published prices per million tokens. o4-mini (openai.com/api/pricing, since 2025-04-16): input
// $1.10, cached input $0.275, output $4.40. claude-haiku-4-5 (anthropic.com/pricing, since
// 2025-10-15): cache read $0.10, 5-minute cache write $1.25, 1-hour cache write $2, output $5.
const prompt = 'one two three four five six seven eight' // 8 input tokens
// 4 of 8 input tokens cached; 16 reply + 8 reasoning output tokens.
// $1 per million tokens is 1 000 nano-USD per token.
const O4_MINI_NANOS = 4 * 1_100 + 4 * 275 + 24 * 4_400 // 111 100
// 2000 cache reads, 300 5-minute writes, 500 1-hour writes, no other input; 16 reply + 7 thinking tokens.
const HAIKU_NANOS = 2000 * 100 + 300 * 1_250 + 500 * 2_000 + 23 * 5_000 // 1 690 000

let provider: FakeProvider
let models: ReturnType<typeof fakeProviderModels>
beforeAll(async () => {
  provider = await fakeProvider()
  models = fakeProviderModels(provider)
})
afterEach(() => provider.reset())
afterAll(() => provider.close())

function engine() {
  const records: UsageRecord[] = []
  return { records, finops: createFinOps({ onUsage: (record) => void records.push(record) }) }
}

/** The usage and cost of one call made by `call`, with `usage` overrides on the fake response. */
async function priced(usage: UsageOverrides, call: (finops: ReturnType<typeof createFinOps>) => PromiseLike<unknown>) {
  const { finops, records } = engine()
  provider.reset()
  provider.setUsage(usage)
  await call(finops)
  await finops.flush()
  expect(records).toHaveLength(1)
  return { usage: records[0]?.usage, usdNanos: records[0]?.cost?.usdNanos }
}

const openAIUsage: UsageOverrides = { cachedTokens: 4, reasoningTokens: 8 }
const anthropicUsage: UsageOverrides = { cachedTokens: 2000, cacheWriteTokens: 300, cacheWrite1hTokens: 500, reasoningTokens: 7 }

describe('costs identical to the direct adapters', () => {
  it('OpenAI Responses: cache reads and reasoning, generated and streamed', async () => {
    const openai = (finops: ReturnType<typeof createFinOps>) => withFinOpsOpenAI(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops })
    const direct = await priced(openAIUsage, (finops) => openai(finops).responses.create({ model: 'o4-mini', input: prompt }))
    const generated = await priced(openAIUsage, (finops) => generateText({ model: withFinOps(models.openai.responses('o4-mini'), { finops }), prompt }))
    const streamed = await priced(openAIUsage, (finops) => streamText({ model: withFinOps(models.openai.responses('o4-mini'), { finops }), prompt }).text)
    expect(direct).toEqual({ usage: { inputTokens: 8, outputTokens: 24, cacheReadTokens: 4, reasoningTokens: 8 }, usdNanos: O4_MINI_NANOS })
    expect(generated).toEqual(direct)
    expect(streamed).toEqual(direct)
  })

  it('OpenAI chat completions: cache reads and reasoning, generated and streamed', async () => {
    const openai = (finops: ReturnType<typeof createFinOps>) => withFinOpsOpenAI(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' }), { finops })
    const direct = await priced(openAIUsage, (finops) => openai(finops).chat.completions.create({ model: 'o4-mini', messages: [{ role: 'user', content: prompt }] }))
    const generated = await priced(openAIUsage, (finops) => generateText({ model: withFinOps(models.openai.chat('o4-mini'), { finops }), prompt }))
    const streamed = await priced(openAIUsage, (finops) => streamText({ model: withFinOps(models.openai.chat('o4-mini'), { finops }), prompt }).text)
    expect(direct.usdNanos).toBe(O4_MINI_NANOS)
    expect(generated).toEqual(direct)
    expect(streamed).toEqual(direct)
  })

  it('Anthropic messages: cache reads, 5-minute and 1-hour cache writes and thinking, generated and streamed', async () => {
    const anthropic = (finops: ReturnType<typeof createFinOps>) => withFinOpsAnthropic(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' }), { finops })
    const direct = await priced(anthropicUsage, (finops) =>
      anthropic(finops).messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages: [{ role: 'user', content: prompt }] }),
    )
    const model = () => models.anthropic('claude-haiku-4-5')
    const generated = await priced(anthropicUsage, (finops) => generateText({ model: withFinOps(model(), { finops }), prompt, maxOutputTokens: 64 }))
    const streamed = await priced(anthropicUsage, (finops) => streamText({ model: withFinOps(model(), { finops }), prompt, maxOutputTokens: 64 }).text)
    expect(direct).toEqual({
      usage: { inputTokens: 2800, outputTokens: 23, cacheReadTokens: 2000, cacheWriteTokens: 300, cacheWrite1hTokens: 500, reasoningTokens: 7 },
      usdNanos: HAIKU_NANOS,
    })
    expect(generated).toEqual(direct)
    expect(streamed).toEqual(direct)
  })
})
