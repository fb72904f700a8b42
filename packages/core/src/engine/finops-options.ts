import type { MeterProvider, TracerProvider } from '@opentelemetry/api'
import type { LoggerProvider } from '@opentelemetry/api-logs'
import type { AttributionNaming } from '../attribution/attribution-attributes.js'
import type { AttributionOptions } from '../attribution/attribution-requirements.js'
import type { ResponseCacheOptions } from '../cache/response-cache-options.js'
import type { PolicySource } from '../policies/load-policies.js'
import type { ModelPriceOverride, PriceOverride } from '../prices/model-price-override.js'
import type { PriceDataOption } from '../prices/price-data.js'
import type { ServiceTierOptions } from '../prices/service-tiers.js'
import type { Store } from '../store/store.js'
import type { FinOpsEvent } from './finops-event.js'
import type { UsageSink } from './usage-record.js'

/** How the engine estimates a call before it is sent, to reserve tokens and budget. */
export interface EstimateOptions {
  /** Output tokens assumed when the call sets no `max_tokens`. Default `1024`. */
  defaultMaxOutputTokens?: number
  /**
   * `'max'` reserves the call's `max_tokens` (or `defaultMaxOutputTokens`): budgets are never
   * overshot. `'expected'` reserves `min(max_tokens, expectedOutputTokens)`: less headroom is locked
   * by in-flight calls, but concurrent calls can overshoot a hard budget by their difference.
   * `'learned'` reserves, per (feature, provider, model), the `learnedPercentile` of the output
   * tokens of its last `learnedWindow` calls, at most `max_tokens` and at least 1; until
   * `learnedMinSamples` calls were seen it reserves as `'max'` does. Overshoot bound: see
   * docs/policies.md. The table is per engine, shared with the engines using the same `store` when
   * it has `recordOutputs` (`memoryStore()`, `redisStore()`).
   * Default `'max'`.
   */
  reserve?: 'max' | 'expected' | 'learned'
  /** Output tokens assumed by `reserve: 'expected'`. Default `256`. */
  expectedOutputTokens?: number
  /** `reserve: 'learned'`: the percentile of recent outputs reserved, in (0, 100]. Default `95`. */
  learnedPercentile?: number
  /** `reserve: 'learned'`: calls a key must have seen before its percentile is used. Default `20`. */
  learnedMinSamples?: number
  /** `reserve: 'learned'`: output counts kept per key (the most recent), at least `learnedMinSamples`. Default `200`. */
  learnedWindow?: number
  /** `reserve: 'learned'`: keys kept (least recently used dropped first). Default `1000`. */
  learnedMaxKeys?: number
}

/**
 * What happens to a call whose model has no known price (after overrides, aliases and the response's
 * model were tried):
 * - `'block-budgeted'` (default): rejected with a `ConfigError` before it is sent when it counts
 *   against a policy with a hard budget or a cost-velocity breaker — it would otherwise pass
 *   uncounted; other calls are sent with cost `null`;
 * - `'block'`: every such call is rejected;
 * - `'allow'`: every such call is sent with cost `null` and counts 0 against budgets (your choice);
 * - `{ fallback }`: such calls are charged at this stated price (price source `fallback`).
 * In every case the first call per (provider, model) emits one `unknown_price` event and one `diag` warning.
 */
export type UnknownPriceOption = 'allow' | 'block' | 'block-budgeted' | { fallback: ModelPriceOverride }

/** How the engine names models. */
export interface ModelsOptions {
  /**
   * Model names the price data does not know → the model to price them as, e.g. Azure deployments
   * `{ 'prod-gpt4o-eastus': 'gpt-4o' }` (case-insensitive). Without an alias, a call to an unknown
   * name is priced by the model its response reports. Default `{}`.
   */
  aliases?: Record<string, string>
}

/**
 * Options of {@link createFinOps}. Every option is optional: `createFinOps()` gives an engine with
 * the memory store, no policies, USD, and the environment's settings.
 */
export interface FinOpsOptions {
  /** Where guard counters live. Default `memoryStore()` (one process). */
  store?: Store
  /** Policies: an array, `{ policies: [...] }`, or a path to a YAML/JSON file. Default: env `FINOPS_POLICY_FILE`, else none. */
  policies?: PolicySource
  /**
   * Currency of amounts the engine reports and of policy limits without a suffix. Default: the
   * policy file's `currency:`, else env `FINOPS_CURRENCY`, else `'USD'`. A policy file that sets a
   * different one is a `ConfigError`.
   */
  currency?: string
  /**
   * Units of each currency per 1 USD, e.g. `{ EUR: 0.86 }` (1 USD = 0.86 EUR). Never fetched: you
   * supply them. Merged per currency with the policy file's `exchange_rates:` and env
   * `FINOPS_EXCHANGE_RATES` (`EUR=0.86,GBP=0.79`); this option wins over the environment, and a
   * policy file rate that differs from it is a `ConfigError`. Default `{}`.
   */
  exchangeRates?: Record<string, number>
  /** Required keys, what to do when they are missing, engine-wide defaults. */
  attribution?: AttributionOptions
  /**
   * Price overrides per model (negotiated or on-prem prices): everything the price table can
   * express, incl. long-context tiers, cache TTLs, dated and service-tier prices. They win over
   * the price data and its corrections.
   */
  prices?: Record<string, PriceOverride>
  /**
   * Service-tier prices over `DEFAULT_SERVICE_TIER_PRICES`: per tier, one multiplier for every
   * model (`{ priority: 1.75 }`) or prices by `provider:model` / model / `provider:*` / `*`
   * (`{ priority: { 'openai:gpt-4o': { input: 4.25, cacheRead: 2.125, output: 17 } } }`).
   * Default: the published tier prices (see docs/prices.md).
   */
  serviceTiers?: ServiceTierOptions
  /** Model names: aliases for names the price data does not know. */
  models?: ModelsOptions
  /**
   * Newer genai-prices data than the bundled one, without upgrading: `{ providers, date }` with the
   * providers of a genai-prices `data.json` and its publication date. The engine prices from it
   * (corrections still apply) and reports its date. Default: the data bundled with this version.
   */
  priceData?: PriceDataOption
  /** A call to a model without a known price; see {@link UnknownPriceOption}. Default `'block-budgeted'`. */
  unknownPrice?: UnknownPriceOption
  /** Receives soft-limit, breaker, denial, unknown-price, store and attribution events. Must not throw (a throw is logged and ignored). */
  onEvent?: (event: FinOpsEvent) => void
  /** Receives one usage record per call. */
  onUsage?: UsageSink | UsageSink[]
  /** Tracer provider for spans. Default: the global one from `@opentelemetry/api`. */
  tracerProvider?: TracerProvider
  /**
   * Record prompt and completion content on spans: `gen_ai.input.messages`,
   * `gen_ai.system_instructions` and `gen_ai.output.messages` (JSON strings in the GenAI
   * semantic-convention structure). Content never goes into metrics, usage records or events.
   * When off, adapters build no content at all. Default: env
   * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` is `true`, else `false` (read once, at creation).
   */
  captureContent?: boolean
  /** Meter provider for metrics. Default: the global one from `@opentelemetry/api`. */
  meterProvider?: MeterProvider
  /**
   * Logger provider for the `gen_ai.client.operation.exception` event of failed calls. Default: the
   * global one from `@opentelemetry/api-logs`; with none registered, no event is emitted.
   */
  loggerProvider?: LoggerProvider
  /**
   * How attribution keys are named on spans and metrics. `'default'` (the names of the public
   * contract): `user` → `enduser.id`, `team` → `team.name`, `feature` → `feature.name`,
   * `costCenter` → `cost_center`, other keys `k` → `finops.attribution.k`. `'namespaced'`: `user` →
   * `enduser.id`, every other key under `finops.attribution.*` (`finops.attribution.team`,
   * `finops.attribution.feature`, `finops.attribution.cost_center`), so that no unregistered
   * top-level attribute name is used. Default: env `FINOPS_ATTRIBUTE_NAMES` (`default` |
   * `namespaced`), else `'default'` (read once, at creation).
   */
  attributeNames?: AttributionNaming
  /** How calls are estimated before they are sent. */
  estimate?: EstimateOptions
  /**
   * What happens when the store fails: `'fail-open'` lets calls through (flagged
   * `finops.store.degraded`), `'fail-closed'` rejects them with a `LimitExceededError` of reason
   * `'store_unavailable'`. Default: the store's `onError` (e.g. `redisStore({ onError })`), else
   * `'fail-open'`.
   */
  onStoreError?: 'fail-open' | 'fail-closed'
  /** Time source in epoch milliseconds, for tests. Default `Date.now`. */
  clock?: () => number
  /**
   * The opt-in response cache: an identical request of a call that opted in (`when`, default
   * `temperature: 0`) is answered from `store` for `ttl` ms without calling the provider, isolated
   * by attribution (`isolateBy`). It stores prompt-derived keys and full responses: see
   * docs/response-cache.md and docs/privacy.md. Default: absent, nothing is cached.
   */
  cache?: ResponseCacheOptions
}
