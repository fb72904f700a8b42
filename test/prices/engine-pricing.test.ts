// The engine prices what was really called and billed, end to end: the real `openai` and
// `@anthropic-ai/sdk` clients over HTTP against fakeProvider(), the real engine and OTel SDK.
// Expected costs come from the providers' published prices, written below with source and date.
import Anthropic from '@anthropic-ai/sdk'
import { withFinOps as withAnthropicFinOps } from '@finops-ai/anthropic'
import { callPathOf, ConfigError, createFinOps, type FinOps, type FinOpsEvent, type FinOpsOptions, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

/** Nano-USD of `tokens` at a published price in USD per 1M tokens (1 token at P USD/1M = P × 1000 nanos). */
const nanos = (tokens: number, usdPerMillion: number): number => Math.round(tokens * usdPerMillion * 1000)

// https://platform.openai.com/docs/pricing (Standard, read 2026-12-02; LiteLLM agrees):
// gpt-4o $2.50 input, $1.25 cached input, $10.00 output; gpt-4o-mini $0.15, $0.075, $0.60.
const gpt4o = { input: 2.5, cached: 1.25, output: 10 }
const gpt4oMini = { input: 0.15, cached: 0.075, output: 0.6 }
// https://openai.com/api-priority-processing/ (read 2026-12-02): gpt-4o priority $4.25, $2.125, $17.00.
const gpt4oPriority = { input: 4.25, cached: 2.125, output: 17 }
// GPT-5.6 Sol after OpenAI's 2026-08-21 cut (developers.openai.com/api/docs/changelog, read 2026-12-02):
// $4.00 input, $0.40 cached input, $20.00 output; cache writes 1.25 × input = $5.00 (OpenAI's GPT-5.6 launch notes, 2026-06-26).
const sol = { input: 4, cached: 0.4, cacheWrite: 5, output: 20 }
// https://docs.anthropic.com/en/docs/about-claude/pricing (read 2026-12-02): Sonnet 4.5 $3 input, $15 output;
// the `priority` tier is committed capacity billed at these standard rates.
const sonnet45 = { input: 3, output: 15 }
// Same page (read 2026-12-02): Sonnet 4.6 $3 input, $0.30 cache hits, $3.75 5-minute cache writes, $15 output;
// "Data residency pricing": US-only inference (`inference_geo: "us"`) on Opus 4.6, Sonnet 4.6 and later is
// 1.1× on all token categories — $3.30, $0.33, $4.125, $16.50.
const sonnet46Us = { input: 3.3, cached: 0.33, cacheWrite: 4.125, output: 16.5 }

const exporter = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
const messages = [{ role: 'user' as const, content: 'one two three four five six seven eight' }]
let provider: FakeProvider

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
afterEach(() => {
  exporter.reset()
  provider.reset()
})

function engine(options: FinOpsOptions = {}) {
  const records: UsageRecord[] = []
  const events: FinOpsEvent[] = []
  const finops = createFinOps({ tracerProvider, onUsage: (record) => void records.push(record), onEvent: (event) => void events.push(event), ...options })
  const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops, attribution: { team: 'search' } })
  const anthropic = withAnthropicFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test', maxRetries: 0 }), { finops, attribution: { team: 'search' } })
  return { finops, openai, anthropic, records, events }
}

async function onlyRecord(finops: FinOps, records: UsageRecord[]): Promise<UsageRecord> {
  await finops.flush()
  expect(records).toHaveLength(1)
  return records[0]!
}

describe('pricing what was called', () => {
  it('prices a soft-limit downgrade at the model actually called', async () => {
    const { finops, openai, records } = engine({
      policies: [
        {
          key: 'search',
          match: { team: 'search' },
          limits: { budget: { period: 'total', soft_limit_usd: 0.000_001, hard_limit_usd: 100 } },
          on_soft_limit: { downgrade: { 'gpt-4o': 'gpt-4o-mini' } },
        },
      ],
    })
    provider.setUsage({ cachedTokens: 1000 })
    await openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 32 })
    await openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 32 })
    await finops.flush()
    const downgraded = records.find((record) => record.downgradedFrom === 'gpt-4o')!
    expect(downgraded.model).toBe('gpt-4o-mini')
    expect(provider.requests.at(-1)?.body).toMatchObject({ model: 'gpt-4o-mini' })
    const { inputTokens, outputTokens, cacheReadTokens = 0 } = downgraded.usage
    expect(downgraded.cost?.usdNanos).toBe(
      nanos(inputTokens - cacheReadTokens, gpt4oMini.input) + nanos(cacheReadTokens, gpt4oMini.cached) + nanos(outputTokens, gpt4oMini.output),
    )
    // at gpt-4o prices it would have been 1000 × 1.25 k + 16 × 10 k nanos: 17× the mini price of the cached part
    expect(downgraded.cost?.usdNanos).toBeLessThan(nanos(cacheReadTokens, gpt4o.cached))
  })

  it('prices the service tier the response reports over the requested one (OpenAI priority per model)', async () => {
    const { finops, openai, records } = engine()
    provider.setUsage({ serviceTier: 'priority', cachedTokens: 2000 })
    await openai.chat.completions.create({ model: 'gpt-4o', messages, service_tier: 'auto' })
    const record = await onlyRecord(finops, records)
    expect(record.serviceTier).toBe('priority')
    const { outputTokens } = record.usage
    expect(record.cost?.usdNanos).toBe(nanos(2000, gpt4oPriority.cached) + nanos(outputTokens, gpt4oPriority.output))
  })

  it("prices Anthropic's priority tier at the standard rate", async () => {
    const { finops, anthropic, records } = engine()
    provider.setUsage({ serviceTier: 'priority' })
    await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages })
    const record = await onlyRecord(finops, records)
    expect(record.serviceTier).toBe('priority')
    expect(record.cost?.usdNanos).toBe(nanos(record.usage.inputTokens, sonnet45.input) + nanos(record.usage.outputTokens, sonnet45.output))
  })

  it('prices US-only Anthropic inference at 1.1× on every token meter, in messages and message streams', async () => {
    const { finops, anthropic, records } = engine()
    provider.setUsage({ inferenceGeo: 'us', cachedTokens: 1000, cacheWriteTokens: 2000 })
    await anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 64, messages })
    const stream = await anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 64, messages, stream: true })
    for await (const event of stream) void event
    await finops.flush()
    expect(records).toHaveLength(2)
    for (const record of records) {
      const { inputTokens, outputTokens, cacheReadTokens = 0, cacheWriteTokens = 0 } = record.usage
      expect(cacheReadTokens).toBe(1000)
      expect(cacheWriteTokens).toBe(2000)
      expect(record.cost?.usdNanos).toBe(
        nanos(inputTokens - cacheReadTokens - cacheWriteTokens, sonnet46Us.input) +
          nanos(cacheReadTokens, sonnet46Us.cached) +
          nanos(cacheWriteTokens, sonnet46Us.cacheWrite) +
          nanos(outputTokens, sonnet46Us.output),
      )
    }
  })

  it('prices OpenAI cache writes at the cache-write rate, in chat, chat streams and Responses streams', async () => {
    const { finops, openai, records } = engine({ clock: () => Date.parse('2026-10-01T12:00:00Z') })
    provider.setUsage({ cacheWriteTokens: 3000, cachedTokens: 1000 })
    await openai.chat.completions.create({ model: 'gpt-5.6-sol', messages })
    const chunks = await openai.chat.completions.create({ model: 'gpt-5.6-sol', messages, stream: true })
    for await (const chunk of chunks) void chunk
    const stream = await openai.responses.create({ model: 'gpt-5.6-sol', input: 'one two three', stream: true })
    for await (const event of stream) void event
    await finops.flush()
    expect(records).toHaveLength(3)
    for (const record of records) {
      expect(record.usage).toMatchObject({ inputTokens: 4000, cacheWriteTokens: 3000, cacheReadTokens: 1000 })
      expect(record.cost?.usdNanos).toBe(nanos(3000, sol.cacheWrite) + nanos(1000, sol.cached) + nanos(record.usage.outputTokens, sol.output))
    }
  })
})

describe('names the price data does not know', () => {
  const budget: FinOpsOptions['policies'] = [{ key: 'monthly', limits: { budget: { period: 'monthly', hard_limit_usd: 50 } } }]

  it('rejects an unpriced call under a hard budget before it is sent, once loudly', async () => {
    const { finops, openai, events } = engine({ policies: budget })
    const first = await openai.chat.completions.create({ model: 'prod-gpt4o-eastus', messages }).catch((error: unknown) => error)
    const second = await openai.chat.completions.create({ model: 'prod-gpt4o-eastus', messages }).catch((error: unknown) => error)
    expect(ConfigError.isInstance(first) && first.path).toBe('prices["prod-gpt4o-eastus"]')
    expect(ConfigError.isInstance(second)).toBe(true)
    expect(provider.requests).toHaveLength(0)
    await finops.flush()
    expect(events.filter((event) => event.type === 'unknown_price')).toHaveLength(1)
  })

  it('sends it uncounted when unknownPrice is allow, and charges a stated fallback when given one', async () => {
    const allowed = engine({ policies: budget, unknownPrice: 'allow' })
    await allowed.openai.chat.completions.create({ model: 'prod-gpt4o-eastus', messages })
    expect((await onlyRecord(allowed.finops, allowed.records)).cost).toBeNull()
    const fallback = engine({ policies: budget, unknownPrice: { fallback: { input: 10, output: 30 } } })
    await fallback.openai.chat.completions.create({ model: 'prod-gpt4o-eastus', messages })
    const record = await onlyRecord(fallback.finops, fallback.records)
    expect(record.cost?.source).toBe('fallback')
    expect(record.cost?.usdNanos).toBe(nanos(record.usage.inputTokens, 10) + nanos(record.usage.outputTokens, 30))
  })

  it('prices a deployment name through models.aliases', async () => {
    const { finops, openai, records } = engine({ policies: budget, models: { aliases: { 'prod-gpt4o-eastus': 'gpt-4o' } } })
    provider.setUsage({ cachedTokens: 1000 })
    await openai.chat.completions.create({ model: 'prod-gpt4o-eastus', messages })
    const record = await onlyRecord(finops, records)
    expect(record.cost?.source).toBe('genai-prices')
    expect(record.cost?.usdNanos).toBe(nanos(1000, gpt4o.cached) + nanos(record.usage.outputTokens, gpt4o.output))
  })

  it('prices an unknown requested name by the model the response reports', async () => {
    const { finops, records } = engine()
    const request = { provider: 'azure.ai.openai', operation: 'chat' as const, model: 'prod-gpt4o-eastus', stream: false, estimatedInputTokens: 10 }
    const handle = await callPathOf(finops).begin(request)
    handle.succeed({ responseModel: 'gpt-4o-2024-08-06', usage: { inputTokens: 1000, outputTokens: 100 } })
    const record = await onlyRecord(finops, records)
    expect(record.cost?.usdNanos).toBe(nanos(1000, gpt4o.input) + nanos(100, gpt4o.output))
  })

  it('says so when a newer sibling is priced by a prefix rule', async () => {
    const { finops, anthropic, events } = engine()
    await anthropic.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 64, messages })
    await finops.flush()
    expect(events).toContainEqual(expect.objectContaining({ type: 'approximate_price', model: 'claude-sonnet-5-5', pricedAs: 'anthropic/claude-sonnet-5' }))
    expect(exporter.getFinishedSpans()[0]?.attributes).toMatchObject({ 'finops.price.source': 'genai-prices:approximate', 'finops.price.data_date': finops.priceDataDate })
  })
})

describe('price data freshness', () => {
  it('prices from newer data given as priceData and reports its date on spans and records', async () => {
    // A data.json published after the bundled data, with a (hypothetical) new gpt-4o price of $2 / $8.
    const providers = [{ id: 'openai', name: 'OpenAI', api_pattern: 'https://api.openai.com', models: [{ id: 'gpt-4o', match: { equals: 'gpt-4o' }, prices: { input_mtok: 2, output_mtok: 8 } }] }]
    const { finops, openai, records } = engine({ priceData: { providers, date: '2026-11-30' } })
    expect(finops.priceDataDate).toBe('2026-11-30')
    await openai.chat.completions.create({ model: 'gpt-4o', messages })
    const record = await onlyRecord(finops, records)
    expect(record.cost).toMatchObject({ source: 'genai-prices', priceDataDate: '2026-11-30' })
    expect(record.cost?.usdNanos).toBe(nanos(record.usage.inputTokens, 2) + nanos(record.usage.outputTokens, 8))
    expect(exporter.getFinishedSpans()[0]?.attributes['finops.price.data_date']).toBe('2026-11-30')
  })
})
