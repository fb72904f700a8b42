import { calcPrice, findProvider, type ModelPrice, type Provider } from '@pydantic/genai-prices'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { createCurrency } from '../money/currency.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import { createPriceBook, type BookPrice } from './create-price-book.js'
import { bundledPriceData, priceDataFrom, type PriceData } from './price-data.js'

/** The published price entry of a model in the bundled data (the `index`-th dated entry). */
function published(providerId: string, modelId: string, index = 0): ModelPrice {
  const model = findProvider({ providerId })?.models.find((entry) => entry.id === modelId)
  if (!model) throw new Error(`${providerId}/${modelId} missing from genai-prices`)
  return Array.isArray(model.prices) ? (model.prices[index]?.prices as ModelPrice) : model.prices
}

const book = createPriceBook()
const beforeO3Cut = new Date('2025-05-01T00:00:00Z')
const afterO3Cut = new Date('2025-07-01T00:00:00Z')

interface Case {
  name: string
  provider: string
  model: string
  usage: NormalizedUsage
  at?: Date
  serviceTier?: string
  /** Expected total in nano-USD; 1 token at P USD/1M = P × 1000 nanos. */
  total: number
}

// Expected values are hand-computed from the per-1M prices asserted in 'reads the published prices'.
const cases: Case[] = [
  // 1000 × 2.5k + 500 × 10k = 2.5M + 5M
  { name: 'gpt-4o', provider: 'openai', model: 'gpt-4o', usage: { inputTokens: 1000, outputTokens: 500 }, total: 7_500_000 },
  // 6000 uncached × 2.5k + 4000 cached × 1.25k + 200 × 10k = 15M + 5M + 2M
  { name: 'gpt-4o with cache reads', provider: 'openai', model: 'gpt-4o-2024-08-06', usage: { inputTokens: 10_000, outputTokens: 200, cacheReadTokens: 4000 }, total: 22_000_000 },
  // 1234 × 150 + 567 × 600 = 185,100 + 340,200
  { name: 'gpt-4o-mini', provider: 'openai', model: 'gpt-4o-mini', usage: { inputTokens: 1234, outputTokens: 567 }, total: 525_300 },
  // o3 before 2025-06-10: 2000 × 10k + 1000 × 40k (reasoning billed as output) = 20M + 40M
  { name: 'o3 before its price cut', provider: 'openai', model: 'o3', at: beforeO3Cut, usage: { inputTokens: 2000, outputTokens: 1000, reasoningTokens: 800 }, total: 60_000_000 },
  // o3 from 2025-06-10: 2000 × 2k + 1000 × 8k = 4M + 8M
  { name: 'o3 after its price cut', provider: 'openai', model: 'o3', at: afterO3Cut, usage: { inputTokens: 2000, outputTokens: 1000, reasoningTokens: 800 }, total: 12_000_000 },
  { name: 'o3 on the day of its price cut', provider: 'openai', model: 'o3-2025-04-16', at: new Date('2025-06-10T00:00:00Z'), usage: { inputTokens: 2000, outputTokens: 1000 }, total: 12_000_000 },
  // gpt-5: 4000 × 1.25k + 1000 cached × 125 + 3000 (2500 reasoning) × 10k = 5M + 125k + 30M
  { name: 'gpt-5 with reasoning and cache reads', provider: 'openai', model: 'gpt-5', usage: { inputTokens: 5000, outputTokens: 3000, cacheReadTokens: 1000, reasoningTokens: 2500 }, total: 35_125_000 },
  // sonnet 4.5: 2000 × 3k + 10,000 5m-writes × 3.75k + 1000 × 15k = 6M + 37.5M + 15M
  { name: 'Anthropic 5-minute cache writes', provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', usage: { inputTokens: 12_000, outputTokens: 1000, cacheWriteTokens: 10_000 }, total: 58_500_000 },
  // 2000 × 3k + 10,000 1h-writes × 6k + 1000 × 15k = 6M + 60M + 15M
  { name: 'Anthropic 1-hour cache writes', provider: 'anthropic', model: 'claude-sonnet-4-5', usage: { inputTokens: 12_000, outputTokens: 1000, cacheWrite1hTokens: 10_000 }, total: 81_000_000 },
  // 2000 × 3k + 20,000 reads × 300 + 5000 × 3.75k + 3000 × 6k + 500 × 15k = 6M + 6M + 18.75M + 18M + 7.5M
  { name: 'Anthropic reads and both write TTLs', provider: 'anthropic', model: 'claude-sonnet-4-5', usage: { inputTokens: 30_000, outputTokens: 500, cacheReadTokens: 20_000, cacheWriteTokens: 5000, cacheWrite1hTokens: 3000 }, total: 56_250_000 },
  // exactly 200,000 input tokens stays in the base tier: 200,000 × 3k + 1000 × 15k
  { name: 'long context at the tier boundary', provider: 'anthropic', model: 'claude-sonnet-4-5', usage: { inputTokens: 200_000, outputTokens: 1000 }, total: 615_000_000 },
  // 200,001 tokens: the WHOLE call pays the >200k tier, output too: 200,001 × 6k + 1000 × 22.5k
  { name: 'long context above 200k input tokens', provider: 'anthropic', model: 'claude-sonnet-4-5', usage: { inputTokens: 200_001, outputTokens: 1000 }, total: 1_222_506_000 },
  // tier chosen by total input incl. cache: 50,000 × 6k + 200,000 reads × 600 + 2000 × 22.5k = 300M + 120M + 45M
  { name: 'long context counting cached input', provider: 'anthropic', model: 'claude-sonnet-4-5', usage: { inputTokens: 250_000, outputTokens: 2000, cacheReadTokens: 200_000 }, total: 465_000_000 },
  // Vertex Gemini 2.5 Pro above 200k: 300,000 × 2.5k + 1000 × 15k
  { name: 'Vertex Gemini long context', provider: 'gcp.vertex_ai', model: 'gemini-2.5-pro', usage: { inputTokens: 300_000, outputTokens: 1000 }, total: 765_000_000 },
  // batch halves every meter: 1.25M + 2.5M
  { name: 'batch tier', provider: 'openai', model: 'gpt-4o', serviceTier: 'batch', usage: { inputTokens: 1000, outputTokens: 500 }, total: 3_750_000 },
  // flex halves o3: 2000 × 2k × 0.5 + 1000 × 8k × 0.5 = 2M + 4M
  { name: 'flex tier', provider: 'openai', model: 'o3', at: afterO3Cut, serviceTier: 'flex', usage: { inputTokens: 2000, outputTokens: 1000 }, total: 6_000_000 },
  // priority doubles: (1000 × 1.25k + 100 × 10k) × 2 = 2.5M + 2M
  { name: 'priority tier', provider: 'openai', model: 'gpt-5', serviceTier: 'priority', usage: { inputTokens: 1000, outputTokens: 100 }, total: 4_500_000 },
  // batch rounding per meter: 3 cached × 75 × 0.5 = 112.5 → 113, plus 1 × 600 × 0.5 = 300
  { name: 'batch rounding half-up per meter', provider: 'openai', model: 'gpt-4o-mini', serviceTier: 'batch', usage: { inputTokens: 3, outputTokens: 1, cacheReadTokens: 3 }, total: 413 },
  // Azure has no gpt-4o entry: falls back to OpenAI's table
  { name: 'Azure falling back to OpenAI', provider: 'azure.ai.openai', model: 'gpt-4o', usage: { inputTokens: 1000, outputTokens: 500 }, total: 7_500_000 },
  // Azure's own o3 entry (2 / 8, undated) applies even before OpenAI's cut: 4M + 8M
  { name: 'Azure own o3 price', provider: 'azure.ai.openai', model: 'o3', at: beforeO3Cut, usage: { inputTokens: 2000, outputTokens: 1000 }, total: 12_000_000 },
  // 1M tokens × 20 nanos
  { name: 'text-embedding-3-small', provider: 'openai', model: 'text-embedding-3-small', usage: { inputTokens: 1_000_000, outputTokens: 0 }, total: 20_000_000 },
  // 7.5M for tokens + 3 searches × (10 USD / 1000) = 30M
  { name: 'web search requests', provider: 'openai', model: 'gpt-4o', usage: { inputTokens: 1000, outputTokens: 500, webSearchRequests: 3 }, total: 37_500_000 },
  // 100 × 1k + 100 × 1k + one request at 12 USD / 1000 = 12M
  { name: 'per-request fee', provider: 'perplexity', model: 'sonar', usage: { inputTokens: 100, outputTokens: 100 }, total: 12_200_000 },
  // Bedrock regional Sonnet 4.5: 1000 × 3.3k + 1000 × 16.5k
  { name: 'Bedrock inference profile', provider: 'aws.bedrock', model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', usage: { inputTokens: 1000, outputTokens: 1000 }, total: 19_800_000 },
  // 1000 × 3k + 1000 × 15k
  { name: 'xAI grok-4', provider: 'x_ai', model: 'grok-4', usage: { inputTokens: 1000, outputTokens: 1000 }, total: 18_000_000 },
  // 1000 × 2k + 1000 × 6k
  { name: 'Mistral large', provider: 'mistral_ai', model: 'mistral-large-latest', usage: { inputTokens: 1000, outputTokens: 1000 }, total: 8_000_000 },
  // DeepSeek peak window (00:30–16:30 UTC): 1000 × 270 + 1000 × 1100
  { name: 'DeepSeek peak hours', provider: 'deepseek', model: 'deepseek-chat', at: new Date('2025-09-01T12:00:00Z'), usage: { inputTokens: 1000, outputTokens: 1000 }, total: 1_370_000 },
  // off-peak: 1000 × 135 + 1000 × 550
  { name: 'DeepSeek off-peak hours', provider: 'deepseek', model: 'deepseek-chat', at: new Date('2025-09-01T20:00:00Z'), usage: { inputTokens: 1000, outputTokens: 1000 }, total: 685_000 },
  // Nova Sonic audio: 200 × 60 + 800 × 3.4k + 100 × 240 + 400 × 13.6k = 12k + 2.72M + 24k + 5.44M
  { name: 'audio tokens', provider: 'aws.bedrock', model: 'amazon.nova-sonic-v1:0', usage: { inputTokens: 1000, outputTokens: 500, inputAudioTokens: 800, outputAudioTokens: 400 }, total: 8_196_000 },
]

describe('createPriceBook', () => {
  it('reads the published prices the expected values are computed from', () => {
    expect(published('openai', 'gpt-4o')).toMatchObject({ input_mtok: 2.5, cache_read_mtok: 1.25, output_mtok: 10, web_searches_kcount: 10 })
    expect(published('openai', 'gpt-4o-mini')).toMatchObject({ input_mtok: 0.15, cache_read_mtok: 0.075, output_mtok: 0.6 })
    expect(published('openai', 'o3', 0)).toMatchObject({ input_mtok: 10, output_mtok: 40 })
    expect(published('openai', 'o3', 1)).toMatchObject({ input_mtok: 2, output_mtok: 8 })
    expect(published('openai', 'gpt-5')).toMatchObject({ input_mtok: 1.25, cache_read_mtok: 0.125, output_mtok: 10 })
    expect(published('openai', 'text-embedding-3-small')).toMatchObject({ input_mtok: 0.02 })
    expect(published('azure', 'o3-2025-04-16')).toMatchObject({ input_mtok: 2, output_mtok: 8 })
    expect(published('anthropic', 'claude-sonnet-4-5')).toMatchObject({
      input_mtok: { base: 3, tiers: [{ start: 200_000, price: 6 }] },
      cache_write_mtok: { base: 3.75, tiers: [{ start: 200_000, price: 7.5 }] },
      cache_write_1h_mtok: { base: 6, tiers: [{ start: 200_000, price: 12 }] },
      cache_read_mtok: { base: 0.3, tiers: [{ start: 200_000, price: 0.6 }] },
      output_mtok: { base: 15, tiers: [{ start: 200_000, price: 22.5 }] },
    })
    expect(published('google', 'gemini-2.5-pro')).toMatchObject({ input_mtok: { base: 1.25, tiers: [{ start: 200_000, price: 2.5 }] }, output_mtok: { base: 10, tiers: [{ start: 200_000, price: 15 }] } })
    expect(published('perplexity', 'sonar')).toMatchObject({ input_mtok: 1, output_mtok: 1, requests_kcount: 12 })
    expect(published('aws', 'regional.anthropic.claude-sonnet-4-5-20250929-v1:0')).toMatchObject({ input_mtok: 3.3, output_mtok: 16.5 })
    expect(published('aws', 'amazon.nova-sonic-v1:0')).toMatchObject({ input_mtok: 0.06, output_mtok: 0.24, input_audio_mtok: 3.4, output_audio_mtok: 13.6 })
    expect(published('x-ai', 'grok-4-0709')).toMatchObject({ input_mtok: 3, output_mtok: 15 })
    expect(published('mistral', 'mistral-large')).toMatchObject({ input_mtok: 2, output_mtok: 6 })
    expect(published('deepseek', 'deepseek-chat', 0)).toMatchObject({ input_mtok: 0.135, output_mtok: 0.55 })
    expect(published('deepseek', 'deepseek-chat', 1)).toMatchObject({ input_mtok: 0.27, output_mtok: 1.1 })
  })

  it.each(cases)('prices $name exactly', ({ provider, model, usage, at, serviceTier, total }) => {
    const price = book.resolve(provider, model, at)
    expect(price?.source).toBe('genai-prices')
    const cost = price!.cost(usage, { serviceTier })
    expect(cost.totalNanos).toBe(total)
    expect(cost.inputNanos + cost.cacheReadNanos + cost.cacheWriteNanos + cost.outputNanos + cost.requestNanos).toBe(total)
  })

  it.each(cases.filter((entry) => entry.serviceTier === undefined))('agrees with genai-prices calcPrice for $name', ({ provider, model, usage, at }) => {
    const price = book.resolve(provider, model, at) as BookPrice
    const writes = (usage.cacheWriteTokens ?? 0) + (usage.cacheWrite1hTokens ?? 0)
    const reference = calcPrice(
      {
        input_tokens: usage.inputTokens,
        output_tokens: usage.outputTokens,
        cache_read_tokens: usage.cacheReadTokens,
        cache_write_tokens: writes || undefined,
        cache_write_1h_tokens: usage.cacheWrite1hTokens,
        input_audio_tokens: usage.inputAudioTokens,
        output_audio_tokens: usage.outputAudioTokens,
        web_searches: usage.webSearchRequests,
      },
      model,
      { providerId: price.priceProvider, timestamp: at },
    )
    expect(Math.abs(price.cost(usage).totalNanos - Math.round((reference?.total_price ?? Number.NaN) * 1e9))).toBeLessThanOrEqual(1)
  })

  it('splits a cost into its meters', () => {
    const cost = book.resolve('anthropic', 'claude-sonnet-4-5')!.cost({ inputTokens: 30_000, outputTokens: 500, cacheReadTokens: 20_000, cacheWriteTokens: 5000, cacheWrite1hTokens: 3000, webSearchRequests: 1 })
    expect(cost).toEqual({ inputNanos: 6_000_000, cacheReadNanos: 6_000_000, cacheWriteNanos: 36_750_000, outputNanos: 7_500_000, requestNanos: 10_000_000, totalNanos: 66_250_000 })
  })

  it('reports a cost in EUR at the configured exchange rate', () => {
    const eur = createCurrency({ currency: 'EUR', exchangeRates: { EUR: 0.86 } })
    const nanos = book.resolve('openai', 'gpt-4o')!.cost({ inputTokens: 1000, outputTokens: 500 }).totalNanos
    expect(eur.fromUsdNanos(nanos)).toBeCloseTo(0.00645, 12) // 0.0075 USD × 0.86
  })

  it('lets a user override the priority multiplier', () => {
    const custom = createPriceBook({ serviceTiers: { priority: 1.75 } })
    // (1000 × 150 + 1000 × 600) × 1.75 = 262,500 + 1,050,000
    expect(custom.resolve('openai', 'gpt-4o-mini')!.cost({ inputTokens: 1000, outputTokens: 1000 }, { serviceTier: 'priority' }).totalNanos).toBe(1_312_500)
    // unknown tiers cost ×1
    expect(custom.resolve('openai', 'gpt-4o-mini')!.cost({ inputTokens: 1000, outputTokens: 1000 }, { serviceTier: 'gold' }).totalNanos).toBe(750_000)
  })

  it('prefers overrides, provider-specific ones first', () => {
    const custom = createPriceBook({
      overrides: { 'gpt-4o': { input: 2, output: 8 }, 'azure.ai.openai:gpt-4o': { input: 1, output: 4 } },
    })
    const openai = custom.resolve('openai', 'gpt-4o')!
    const azure = custom.resolve('azure.ai.openai', 'gpt-4o')!
    expect(openai.source).toBe('override')
    // 1000 × 2k + 500 × 8k = 2M + 4M
    expect(openai.cost({ inputTokens: 1000, outputTokens: 500 }).totalNanos).toBe(6_000_000)
    // 1000 × 1k + 500 × 4k = 1M + 2M
    expect(azure.cost({ inputTokens: 1000, outputTokens: 500 }).totalNanos).toBe(3_000_000)
    expect(custom.resolve('openai', 'gpt-4o-mini')?.source).toBe('genai-prices')
  })

  it('prices an override given in EUR in USD', () => {
    const custom = createPriceBook({
      currency: createCurrency({ currency: 'EUR', exchangeRates: { EUR: 0.86 } }),
      overrides: { 'on-prem-llama': { input: 1.72, output: 8.6, currency: 'EUR', perRequest: 0.0043 } },
    })
    // 1.72 EUR = 2 USD, 8.6 EUR = 10 USD, 0.0043 EUR = 0.005 USD: 1000 × 2k + 500 × 10k + 5M
    expect(custom.resolve('vllm', 'on-prem-llama')!.cost({ inputTokens: 1000, outputTokens: 500 }).totalNanos).toBe(12_000_000)
  })

  it('resolves an unknown model to null', () => {
    expect(book.resolve('openai', 'no-such-model-2099')).toBeNull()
  })

  it('treats a model whose price data cannot be read as unknown instead of throwing', () => {
    const broken: PriceData = {
      date: '2026-11-30',
      provider: () => ({ id: 'acme', name: 'Acme', api_pattern: '', models: [{ id: 'm', match: { regex: '(' }, prices: { input_mtok: 1 } }] }),
      providers: () => [],
    }
    expect(createPriceBook({ data: broken }).resolve('acme', 'm')).toBeNull()
  })

  it('reads the price data once per provider and model', () => {
    let reads = 0
    const bundled = bundledPriceData()
    const counting: PriceData = {
      date: bundled.date,
      provider: (id) => (reads++, bundled.provider(id)),
      providers: (): readonly Provider[] => (reads++, bundled.providers()),
    }
    const cached = createPriceBook({ data: counting })
    const first = cached.resolve('openai', 'gpt-4o')
    const afterFirst = reads
    expect(cached.resolve('openai', 'gpt-4o')).toBe(first)
    expect(cached.resolve('openai', 'no-such-model')).toBeNull()
    const afterUnknown = reads
    expect(cached.resolve('openai', 'no-such-model')).toBeNull()
    expect(reads).toBe(afterUnknown)
    expect(afterFirst).toBeGreaterThan(0)
  })

  it('honours a dated price change from a cached entry', () => {
    const cached = createPriceBook()
    const before = cached.resolve('openai', 'o3', beforeO3Cut)
    const after = cached.resolve('openai', 'o3', afterO3Cut)
    expect(after).not.toBe(before)
    expect(cached.resolve('openai', 'o3', beforeO3Cut)).toBe(before)
    expect(cached.resolve('openai', 'o3')).toBe(after) // now is after the cut
  })

  it('rejects invalid overrides and tiers with ConfigError paths', () => {
    const pathOf = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        return ConfigError.isInstance(error) ? error.path : 'not a ConfigError'
      }
      return 'no error'
    }
    expect(pathOf(() => createPriceBook({ overrides: { 'gpt-4o': { input: -2.5, output: 10 } } }))).toBe('prices["gpt-4o"].input')
    expect(pathOf(() => createPriceBook({ overrides: { 'gpt-4o': { input: 2.5, output: 10, currency: 'EUR' } } }))).toBe('exchangeRates.EUR')
    expect(pathOf(() => createPriceBook({ serviceTiers: { batch: Number.NaN } }))).toBe('serviceTiers.batch')
  })

  it('prices an alias as its target, overrides under the requested name first', () => {
    const aliased = createPriceBook({ aliases: { 'Prod-GPT4o-EastUS': 'gpt-4o' }, overrides: { 'prod-gpt4o-westus': { input: 1, output: 1 } } })
    const price = aliased.resolve('azure.ai.openai', 'prod-gpt4o-eastus')
    expect(price?.source).toBe('genai-prices')
    expect(price?.model).toBe('prod-gpt4o-eastus')
    // 1000 × 2.5k + 500 × 10k (gpt-4o)
    expect(price?.cost({ inputTokens: 1000, outputTokens: 500 }).totalNanos).toBe(7_500_000)
    expect(book.resolve('azure.ai.openai', 'prod-gpt4o-eastus')).toBeNull()
  })

  it('marks a sibling priced by a prefix rule as approximate and a corrected model as corrected', () => {
    const sibling = book.resolve('anthropic', 'claude-sonnet-5-5') as BookPrice
    expect(sibling.source).toBe('genai-prices:approximate')
    expect(sibling.priceModel).toBe('claude-sonnet-5')
    expect(book.resolve('anthropic', 'claude-sonnet-5')?.source).toBe('genai-prices')
    expect(book.resolve('anthropic', 'claude-sonnet-4-20250514')?.source).toBe('genai-prices:corrected')
  })

  it('reports the date of its price data on the book and every price from it', () => {
    expect(book.dataDate).toBe(bundledPriceData().date)
    expect(book.resolve('openai', 'gpt-4o')?.dataDate).toBe(bundledPriceData().date)
    expect(createPriceBook({ overrides: { m: { input: 1, output: 1 } } }).resolve('openai', 'm')?.dataDate).toBeUndefined()
  })

  it('prices from newer data given to it, never from the bundled cache', () => {
    const newer = priceDataFrom(
      [{ id: 'openai', name: 'OpenAI', api_pattern: '', models: [{ id: 'gpt-4o', match: { equals: 'gpt-4o' }, prices: { input_mtok: 2, output_mtok: 8 } }] }],
      '2026-11-30',
    )
    expect(book.resolve('openai', 'gpt-4o')?.cost({ inputTokens: 1000, outputTokens: 0 }).totalNanos).toBe(2_500_000)
    const fresh = createPriceBook({ data: newer })
    expect(fresh.dataDate).toBe('2026-11-30')
    expect(fresh.resolve('openai', 'gpt-4o')?.cost({ inputTokens: 1000, outputTokens: 0 }).totalNanos).toBe(2_000_000)
  })
})
