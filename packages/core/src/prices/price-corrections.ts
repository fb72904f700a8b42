import type { MatchLogic, ModelInfo, ModelPrice, Provider } from '@pydantic/genai-prices'
import type { PriceData } from './price-data.js'

/**
 * One known gap in the genai-prices data, patched until upstream has it. Each entry names the
 * provider's published price it comes from and when it was checked; the test beside this file
 * fails as soon as the price data contains the patched prices, so the entry gets removed.
 */
export interface PriceCorrection {
  /** genai-prices provider id. */
  readonly provider: string
  /** genai-prices model id to patch; `'*'` patches every model of the provider. A model the data lacks is added. */
  readonly model: string
  /** How model ids match an added model. Default `{ equals: model }`. */
  readonly match?: MatchLogic
  /** genai-prices keys (USD) set in every dated price of the model. */
  readonly prices: ModelPrice
  /**
   * What the data had for keys this entry replaces, when it was checked. The entry applies only
   * while the data still has exactly that, so newer data that changed those prices is never
   * overwritten; without `replaces`, only keys the data lacks are set.
   */
  readonly replaces?: ModelPrice
  /** What is wrong or missing upstream. */
  readonly reason: string
  /** Where the provider publishes the price. */
  readonly source: string
  /** When the published price was last checked (`YYYY-MM-DD`). */
  readonly checked: string
}

/**
 * The correction layer. Remove an entry when `upstreamHas` reports the data caught up (the test
 * `price-corrections.test.ts` fails then). Calls priced by a model-specific entry report the price
 * source `genai-prices:corrected`; provider-wide (`'*'`) fee entries do not change the source.
 */
export const PRICE_CORRECTIONS: readonly PriceCorrection[] = [
  {
    provider: 'anthropic',
    model: 'claude-sonnet-4-0',
    prices: {
      input_mtok: { base: 3, tiers: [{ start: 200_000, price: 6 }] },
      cache_write_mtok: { base: 3.75, tiers: [{ start: 200_000, price: 7.5 }] },
      cache_write_1h_mtok: { base: 6, tiers: [{ start: 200_000, price: 12 }] },
      cache_read_mtok: { base: 0.3, tiers: [{ start: 200_000, price: 0.6 }] },
      output_mtok: { base: 15, tiers: [{ start: 200_000, price: 22.5 }] },
    } as ModelPrice,
    replaces: { input_mtok: 3, cache_write_mtok: 3.75, cache_write_1h_mtok: 6, cache_read_mtok: 0.3, output_mtok: 15 },
    reason: 'no long-context (> 200k input tokens) tier for Claude Sonnet 4 (Sonnet 4.5 has one): such calls were priced 50 % low',
    source: 'https://docs.anthropic.com/en/docs/about-claude/pricing#long-context-pricing ($6 / $22.50 per MTok above 200K input tokens; cache prices scale with input)',
    checked: '2026-12-02',
  },
  {
    provider: 'openai',
    model: 'tts-1',
    prices: { input_mchars: 15 },
    reason: 'tts-1 speech is billed per input character and missing from the data',
    source: 'https://platform.openai.com/docs/pricing (Text to speech: tts-1 $15.00 / 1M characters; LiteLLM input_cost_per_character 1.5e-05)',
    checked: '2026-12-02',
  },
  {
    provider: 'openai',
    model: 'tts-1-hd',
    prices: { input_mchars: 30 },
    reason: 'tts-1-hd speech is billed per input character and missing from the data',
    source: 'https://platform.openai.com/docs/pricing (Text to speech: tts-1-hd $30.00 / 1M characters; LiteLLM input_cost_per_character 3e-05)',
    checked: '2026-12-02',
  },
  {
    provider: 'openai',
    model: '*',
    prices: { code_executions_kcount: 30 },
    reason: 'the Responses code interpreter is billed per container session ($0.03 for the default 1 GB container); the data has no such fee',
    source: 'https://platform.openai.com/docs/pricing (Built-in tools: Code Interpreter $0.03 / container)',
    checked: '2026-12-02',
  },
]

/** Price data with corrections applied, telling which models a model-specific correction changed. */
export interface CorrectedPriceData extends PriceData {
  /** True when `model` (as returned by this data) was patched or added by a model-specific correction. */
  corrected(model: ModelInfo): boolean
}

/**
 * Applies `corrections` over `data`, per provider on first use (each provider is copied once;
 * `data` is not modified). An entry whose prices the data already has, or whose replaced prices the
 * data changed (see `PriceCorrection.replaces`), is skipped: newer data always wins.
 */
export function correctPriceData(data: PriceData, corrections: readonly PriceCorrection[] = PRICE_CORRECTIONS): CorrectedPriceData {
  const patched = new WeakSet<ModelInfo>()
  const cache = new Map<Provider, Provider>()
  const correct = (provider: Provider | undefined): Provider | undefined => {
    if (provider === undefined) return undefined
    let corrected = cache.get(provider)
    if (corrected === undefined) {
      corrected = correctProvider(provider, corrections.filter((entry) => entry.provider === provider.id), patched)
      cache.set(provider, corrected)
    }
    return corrected
  }
  let all: readonly Provider[] | undefined
  return {
    date: data.date,
    provider: (id) => correct(data.provider(id)),
    providers: () => (all ??= data.providers().map((provider) => correct(provider)!)),
    corrected: (model) => patched.has(model),
  }
}

function correctProvider(provider: Provider, corrections: readonly PriceCorrection[], patched: WeakSet<ModelInfo>): Provider {
  if (corrections.length === 0) return provider
  const models = provider.models.map((model) => {
    let result = model
    for (const correction of corrections) {
      if (correction.model !== '*' && correction.model !== model.id) continue
      const prices = patchPrices(result.prices, correction)
      if (prices === result.prices) continue
      result = { ...result, prices }
      if (correction.model !== '*') patched.add(result)
    }
    return result
  })
  for (const correction of corrections) {
    if (correction.model === '*' || provider.models.some((model) => model.id === correction.model)) continue
    const added: ModelInfo = { id: correction.model, match: correction.match ?? { equals: correction.model }, prices: correction.prices }
    patched.add(added)
    models.push(added)
  }
  return { ...provider, models }
}

/** `prices` with the correction applied, or `prices` itself when the data moved on (see `replaces`). */
function patchPrices(prices: ModelInfo['prices'], correction: PriceCorrection): ModelInfo['prices'] {
  const variants = Array.isArray(prices) ? prices.map((entry) => entry.prices) : [prices]
  const applies = variants.every((variant) =>
    Object.keys(correction.prices).every((key) =>
      correction.replaces?.[key] === undefined ? variant[key] === undefined : JSON.stringify(variant[key]) === JSON.stringify(correction.replaces[key]),
    ),
  )
  if (!applies) return prices
  if (!Array.isArray(prices)) return { ...prices, ...correction.prices }
  return prices.map((entry) => ({ ...entry, prices: { ...entry.prices, ...correction.prices } }))
}

/**
 * Whether `data` (uncorrected) already holds what `correction` adds: every patched key with the
 * same value in every dated price of the model (for `'*'`: of some model of the provider).
 */
export function upstreamHas(correction: PriceCorrection, data: PriceData): boolean {
  const provider = data.provider(correction.provider)
  if (provider === undefined || provider.id !== correction.provider) return false
  const holds = (model: ModelInfo) => {
    const variants = Array.isArray(model.prices) ? model.prices.map((entry) => entry.prices) : [model.prices]
    return variants.every((variant) => Object.entries(correction.prices).every(([key, value]) => JSON.stringify(variant[key]) === JSON.stringify(value)))
  }
  if (correction.model === '*') return provider.models.some(holds)
  const model = provider.models.find((entry) => entry.id === correction.model)
  return model !== undefined && holds(model)
}
