import type { MeterProvider, TracerProvider } from '@opentelemetry/api'
import type { AttributionOptions } from '../attribution/attribution-requirements.js'
import type { PolicySource } from '../policies/load-policies.js'
import type { ModelPriceOverride } from '../prices/model-price-override.js'
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
   * Default `'max'`.
   */
  reserve?: 'max' | 'expected'
  /** Output tokens assumed by `reserve: 'expected'`. Default `256`. */
  expectedOutputTokens?: number
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
  /** Currency of amounts the engine reports and of policy limits without a suffix. Default `'USD'`. */
  currency?: string
  /** Units of each currency per 1 USD, e.g. `{ EUR: 0.86 }`. Never fetched: you supply them. */
  exchangeRates?: Record<string, number>
  /** Required keys, what to do when they are missing, engine-wide defaults. */
  attribution?: AttributionOptions
  /** Price overrides per model (negotiated or on-prem prices); they win over the bundled table. */
  prices?: Record<string, ModelPriceOverride>
  /** Price multipliers per service tier. Default `{ batch: 0.5, flex: 0.5, priority: 2 }`, others 1. */
  serviceTiers?: Record<string, number>
  /**
   * A call to a model without a known price: `'allow'` sends it with cost `null` (and one
   * `unknown_price` event per model); `'block'` rejects it with a `ConfigError` before sending.
   * Default `'allow'`.
   */
  unknownPrice?: 'allow' | 'block'
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
  /** How calls are estimated before they are sent. */
  estimate?: EstimateOptions
  /**
   * What happens when the store fails: `'fail-open'` lets calls through (flagged
   * `finops.store.degraded`), `'fail-closed'` rejects them. Default: the store's `onError`
   * (e.g. `redisStore({ onError })`), else `'fail-open'`.
   */
  onStoreError?: 'fail-open' | 'fail-closed'
  /** Time source in epoch milliseconds, for tests. Default `Date.now`. */
  clock?: () => number
}
