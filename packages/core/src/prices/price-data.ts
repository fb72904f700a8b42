import { findProvider, type Provider } from '@pydantic/genai-prices'
import { ConfigError } from '../errors/config-error.js'

/**
 * Read access to a genai-prices provider table. The price book reads it once per (provider, model)
 * and caches the result; tests wrap it to count reads, and users may pass newer data.
 */
export interface PriceData {
  /**
   * When the data was published (`YYYY-MM-DD`, UTC): reported with every price it gives
   * (`finops.price.data_date`), and an engine warns once when it is more than 90 days old.
   */
  readonly date: string
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

/**
 * Publication date of the bundled data: the npm release date of `@pydantic/genai-prices@0.1.8`
 * (`npm view @pydantic/genai-prices time`), whose data is built into the package. The data carries
 * no date of its own; a test fails when the installed version changes, so this is updated with it.
 */
export const BUNDLED_PRICE_DATA_DATE = '2026-09-23'

/** The bundled genai-prices version {@link BUNDLED_PRICE_DATA_DATE} belongs to. */
export const BUNDLED_PRICE_DATA_VERSION = '0.1.8'

/** The offline data bundled with `@pydantic/genai-prices` (never fetched at run time). */
export function bundledPriceData(): PriceData {
  let all: readonly Provider[] | undefined
  return {
    date: BUNDLED_PRICE_DATA_DATE,
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

/** A {@link PriceData} over an in-memory provider list (e.g. a newer genai-prices `data.json`) published on `date` (`YYYY-MM-DD`). */
export function priceDataFrom(providers: readonly Provider[], date: string): PriceData {
  return {
    date,
    provider: (id) => {
      const lower = id.toLowerCase().trim()
      return providers.find((provider) => provider.id === lower)
    },
    providers: () => providers,
  }
}

/**
 * `createFinOps({ priceData })`: newer genai-prices data without upgrading the package — the
 * providers of its `data.json` (e.g. read from a file the deployment ships) and the date it was
 * published — or any {@link PriceData}.
 */
export type PriceDataOption = PriceData | { readonly providers: readonly Provider[]; readonly date: string }

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Validates a {@link PriceDataOption}; a problem throws {@link ConfigError} at `path.providers` or `path.date`. */
export function toPriceData(option: PriceDataOption, path = 'priceData'): PriceData {
  if (typeof option !== 'object' || option === null) {
    throw new ConfigError({ path, detail: 'expected { providers, date } with the providers of a genai-prices data.json' })
  }
  if (typeof option.date !== 'string' || !isoDate.test(option.date) || Number.isNaN(Date.parse(option.date))) {
    throw new ConfigError({ path: `${path}.date`, detail: `expected the date the data was published, such as 2026-11-30, got ${String(option.date)}` })
  }
  if (typeof option.providers === 'function') return option as PriceData
  const providers = option.providers
  if (!Array.isArray(providers) || providers.some((provider) => typeof provider?.id !== 'string' || !Array.isArray(provider.models))) {
    throw new ConfigError({ path: `${path}.providers`, detail: 'expected the array of providers of a genai-prices data.json (each with an id and models)' })
  }
  return priceDataFrom(providers, option.date)
}
