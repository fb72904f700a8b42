import type { ModelPriceFields } from './model-price-fields.js'

/**
 * The price of a service tier for matching models: a multiplier of the standard price, or
 * explicit prices (USD per 1M tokens) for the meters the provider publishes — meters not given keep
 * the standard price.
 */
export type ServiceTierPrice = number | ModelPriceFields

/**
 * Service-tier prices by tier name, then by key: `'provider:model'`, `'model'`, `'provider:*'` or
 * `'*'` (providers as `gen_ai.provider.name` or genai-prices id; models as requested or as the
 * genai-prices id that priced them; lower case).
 */
export type ServiceTierPrices = Readonly<Record<string, Readonly<Record<string, ServiceTierPrice>>>>

/**
 * OpenAI's published priority-processing prices (input, cached input, output per 1M tokens), keyed
 * by the genai-prices model id (which covers the model's dated snapshots). Source:
 * https://openai.com/api-priority-processing/ (table read 2026-12-02); second source: LiteLLM's
 * `model_prices_and_context_window.json` `*_priority` keys. Priority excludes long context: calls
 * above a model's long-context threshold are billed at the standard long-context price upstream,
 * which this table does not model.
 */
const openAiPriority: Readonly<Record<string, ModelPriceFields>> = {
  'openai:gpt-5.5': { input: 12.5, cacheRead: 1.25, output: 75 },
  'openai:gpt-5.4': { input: 5, cacheRead: 0.5, output: 30 },
  'openai:gpt-5.4-mini': { input: 1.5, cacheRead: 0.15, output: 9 },
  'openai:gpt-5.2': { input: 3.5, cacheRead: 0.35, output: 28 },
  'openai:gpt-5.1': { input: 2.5, cacheRead: 0.25, output: 20 },
  'openai:gpt-5': { input: 2.5, cacheRead: 0.25, output: 20 },
  'openai:gpt-5-mini': { input: 0.45, cacheRead: 0.045, output: 3.6 },
  'openai:gpt-4.1': { input: 3.5, cacheRead: 0.875, output: 14 },
  'openai:gpt-4.1-mini': { input: 0.7, cacheRead: 0.175, output: 2.8 },
  'openai:gpt-4.1-nano': { input: 0.2, cacheRead: 0.05, output: 0.8 },
  'openai:gpt-4o': { input: 4.25, cacheRead: 2.125, output: 17 },
  'openai:gpt-4o-2024-05-13': { input: 8.75, output: 26.25 },
  'openai:gpt-4o-mini': { input: 0.25, cacheRead: 0.125, output: 1 },
  'openai:o3': { input: 3.5, cacheRead: 0.875, output: 14 },
  'openai:o4-mini': { input: 2, cacheRead: 0.5, output: 8 },
}

/**
 * The service-tier prices the engine starts from; `createFinOps({ serviceTiers })` and a price
 * override's `serviceTiers` win over them. Tiers not listed for a provider cost the standard price.
 *
 * - OpenAI: `priority` per model as published (above); models without a published priority price
 *   are charged ×2, the highest published ratio (OpenAI serves them at `default` and reports that
 *   tier, which then wins). `flex` and `batch` are half the standard price on every meter
 *   (https://developers.openai.com/api/docs/pricing, Batch and Flex tabs, read 2026-12-02).
 * - Anthropic: `priority` is committed capacity billed at the standard per-token price; the Message
 *   Batches API is half price (https://docs.claude.com/en/docs/about-claude/pricing, read 2026-12-02).
 * - Any other provider: `batch` and `flex` ×0.5, `priority` ×2 (an upper bound where nothing is
 *   published: add the contract's price with `serviceTiers`).
 * `default`, `auto`, `standard` and `scale` cost the standard price everywhere.
 */
export const DEFAULT_SERVICE_TIER_PRICES: ServiceTierPrices = {
  priority: { ...openAiPriority, 'openai:*': 2, 'anthropic:*': 1, '*': 2 },
  flex: { '*': 0.5 },
  batch: { '*': 0.5 },
  default: { '*': 1 },
  auto: { '*': 1 },
  standard: { '*': 1 },
  scale: { '*': 1 },
}
