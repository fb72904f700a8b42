import { findProvider, type Provider } from '@pydantic/genai-prices'

/**
 * Read access to a genai-prices provider table. The price book reads it once per (provider, model)
 * and caches the result; tests wrap it to count reads, and users may pass newer data.
 */
export interface PriceData {
  /** The provider with this genai-prices id (or matching its `provider_match`), if any. */
  provider(id: string): Provider | undefined
  /** Every provider, in the data's order. */
  providers(): readonly Provider[]
}

/**
 * Provider ids in the bundled `@pydantic/genai-prices@0.1.8` data. The package exports no
 * synchronous list, so it is written out here; a test checks it against the data, so an upgrade
 * that adds providers fails loudly instead of silently missing them in cross-provider matching.
 */
export const BUNDLED_PROVIDER_IDS: readonly string[] = [
  'anthropic', 'arcee', 'avian', 'aws', 'azure', 'baseten', 'cerebras', 'cloudflare', 'cohere',
  'cursor', 'deepseek', 'doubleword', 'fireworks', 'github-copilot', 'google', 'groq',
  'huggingface_cerebras', 'huggingface_fireworks-ai', 'huggingface_groq', 'huggingface_hyperbolic',
  'huggingface_nebius', 'huggingface_novita', 'huggingface_nscale', 'huggingface_ovhcloud',
  'huggingface_publicai', 'huggingface_sambanova', 'huggingface_together', 'minimax', 'mistral',
  'modal', 'moonshotai', 'novita', 'openai', 'openrouter', 'ovhcloud', 'perplexity',
  'quicksilverpro', 'together', 'typesafe', 'voyageai', 'x-ai', 'zai', 'zhipuai',
]

/** The offline data bundled with `@pydantic/genai-prices` (never fetched at run time). */
export function bundledPriceData(): PriceData {
  let all: readonly Provider[] | undefined
  return {
    provider: (id) => findProvider({ providerId: id }),
    providers() {
      all ??= BUNDLED_PROVIDER_IDS.flatMap((id) => {
        const provider = findProvider({ providerId: id })
        return provider && provider.id === id ? [provider] : []
      })
      return all
    },
  }
}

/** A {@link PriceData} over an in-memory provider list (e.g. a newer genai-prices `data.json`). */
export function priceDataFrom(providers: readonly Provider[]): PriceData {
  return {
    provider: (id) => {
      const lower = id.toLowerCase().trim()
      return providers.find((provider) => provider.id === lower)
    },
    providers: () => providers,
  }
}
