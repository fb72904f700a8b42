/**
 * Every span attribute, metric and span event name finops-ai emits, in one place.
 *
 * The GenAI names are experimental upstream, so they are defined here rather than imported from
 * `@opentelemetry/semantic-conventions/incubating` (whose names change between minor versions).
 * Stable names (`server.address`, `server.port`, `error.type`) come from the stable entry point of
 * `@opentelemetry/semantic-conventions`.
 *
 * Two naming modes ({@link SemconvMode}):
 * - `default`: GenAI semantic conventions v1.41.0, checked against `open-telemetry/semantic-conventions`
 *   tag `v1.41.0` (`model/gen-ai/registry.yaml`, `model/gen-ai/metrics.yaml`,
 *   `docs/gen-ai/gen-ai-metrics.md`, `model/openai/registry.yaml`).
 * - `latest`: the newest experimental names, checked against `open-telemetry/semantic-conventions-genai`
 *   at commit `e9de14ba` (`docs/gen-ai/client-inference.md`, `docs/gen-ai/gen-ai-token-metrics.md`,
 *   `model/gen-ai/metrics.yaml`) and, for embeddings metrics and the exception event, commit
 *   `88eccb15` (`model/gen-ai/metrics.yaml`, `docs/gen-ai/client-embeddings.md`,
 *   `docs/gen-ai/gen-ai-exceptions.md`), plus the proposed `gen_ai.usage.cost.*` attributes of
 *   semantic-conventions-genai PR #443 (not merged upstream).
 */

/** `default` = GenAI semconv v1.41.0 names; `latest` = newest experimental names (opt-in). */
export type SemconvMode = 'default' | 'latest'

/** Value of `OTEL_SEMCONV_STABILITY_OPT_IN` (comma-separated list) that selects {@link SemconvMode} `latest`. */
export const SEMCONV_OPT_IN_LATEST = 'gen_ai_latest_experimental'

// --- GenAI span attributes common to both modes (v1.41.0 registry; unchanged in latest) ---

/** `gen_ai.operation.name`: `chat`, `embeddings`, `text_completion`. */
export const ATTR_GEN_AI_OPERATION_NAME = 'gen_ai.operation.name'
/** `gen_ai.provider.name`: `openai`, `anthropic`, `azure.ai.openai`, ... */
export const ATTR_GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name'
/** `gen_ai.request.model`: the model the request was sent to (after a downgrade, the cheaper one). */
export const ATTR_GEN_AI_REQUEST_MODEL = 'gen_ai.request.model'
/** `gen_ai.request.max_tokens` (int). */
export const ATTR_GEN_AI_REQUEST_MAX_TOKENS = 'gen_ai.request.max_tokens'
/** `gen_ai.request.temperature` (double). */
export const ATTR_GEN_AI_REQUEST_TEMPERATURE = 'gen_ai.request.temperature'
/** `gen_ai.request.top_p` (double). */
export const ATTR_GEN_AI_REQUEST_TOP_P = 'gen_ai.request.top_p'
/** `gen_ai.request.top_k` (double in v1.41, int in latest; a number either way). */
export const ATTR_GEN_AI_REQUEST_TOP_K = 'gen_ai.request.top_k'
/** `gen_ai.request.frequency_penalty` (double). */
export const ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY = 'gen_ai.request.frequency_penalty'
/** `gen_ai.request.presence_penalty` (double). */
export const ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY = 'gen_ai.request.presence_penalty'
/** `gen_ai.request.stop_sequences` (string[]). */
export const ATTR_GEN_AI_REQUEST_STOP_SEQUENCES = 'gen_ai.request.stop_sequences'
/** `gen_ai.request.seed` (int). */
export const ATTR_GEN_AI_REQUEST_SEED = 'gen_ai.request.seed'
/** `gen_ai.request.choice.count` (int; set only when not 1, as the spec requires). */
export const ATTR_GEN_AI_REQUEST_CHOICE_COUNT = 'gen_ai.request.choice.count'
/** `gen_ai.request.encoding_formats` (string[], embeddings). */
export const ATTR_GEN_AI_REQUEST_ENCODING_FORMATS = 'gen_ai.request.encoding_formats'
/** `gen_ai.embeddings.dimension.count` (int, embeddings: the requested `dimensions`). */
export const ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT = 'gen_ai.embeddings.dimension.count'
/** `gen_ai.request.stream` (boolean; set if and only if the request streams). */
export const ATTR_GEN_AI_REQUEST_STREAM = 'gen_ai.request.stream'
/** `gen_ai.response.id`. */
export const ATTR_GEN_AI_RESPONSE_ID = 'gen_ai.response.id'
/** `gen_ai.response.model`. */
export const ATTR_GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model'
/** `gen_ai.response.finish_reasons` (string[]). */
export const ATTR_GEN_AI_RESPONSE_FINISH_REASONS = 'gen_ai.response.finish_reasons'
/** `gen_ai.response.time_to_first_chunk` (seconds, streams only). */
export const ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK = 'gen_ai.response.time_to_first_chunk'
/** `gen_ai.input.messages`: JSON string of `[{ role, parts: [{ type: 'text', content }] }]` (opt-in content capture). */
export const ATTR_GEN_AI_INPUT_MESSAGES = 'gen_ai.input.messages'
/** `gen_ai.output.messages`: JSON string of `[{ role, parts, finish_reason }]` (opt-in content capture). */
export const ATTR_GEN_AI_OUTPUT_MESSAGES = 'gen_ai.output.messages'
/** `gen_ai.system_instructions`: JSON string of `[{ type: 'text', content }]` (opt-in content capture). */
export const ATTR_GEN_AI_SYSTEM_INSTRUCTIONS = 'gen_ai.system_instructions'
/** `gen_ai.usage.input_tokens`: all input tokens, cached ones included. */
export const ATTR_GEN_AI_USAGE_INPUT_TOKENS = 'gen_ai.usage.input_tokens'
/** `gen_ai.usage.output_tokens`: all output tokens, reasoning included. */
export const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens'
/** `gen_ai.usage.cache_read.input_tokens`. */
export const ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = 'gen_ai.usage.cache_read.input_tokens'
/** `gen_ai.usage.reasoning.output_tokens`. */
export const ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS = 'gen_ai.usage.reasoning.output_tokens'
/** Cache writes, `default` mode (v1.41.0): `gen_ai.usage.cache_creation.input_tokens`. */
export const ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS = 'gen_ai.usage.cache_creation.input_tokens'
/** Cache writes, `latest` mode (renamed upstream, semantic-conventions-genai #440): `gen_ai.usage.cache_write.input_tokens`. */
export const ATTR_GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS = 'gen_ai.usage.cache_write.input_tokens'
/** `latest` mode only, proposed upstream (PR #443): the call's cost as a decimal. */
export const ATTR_GEN_AI_USAGE_COST_AMOUNT = 'gen_ai.usage.cost.amount'
/** `latest` mode only, proposed upstream (PR #443): ISO 4217 code of the cost. */
export const ATTR_GEN_AI_USAGE_COST_CURRENCY = 'gen_ai.usage.cost.currency'
/** `latest` mode only, proposed upstream (PR #443): `local` (computed here) or `provider`. */
export const ATTR_GEN_AI_USAGE_COST_SOURCE = 'gen_ai.usage.cost.source'
/** {@link ATTR_GEN_AI_USAGE_COST_SOURCE} value: finops-ai computes costs from its own price table. */
export const GEN_AI_USAGE_COST_SOURCE_VALUE_LOCAL = 'local'
/** `openai.request.service_tier`: OpenAI-specific, set only when `gen_ai.provider.name` is `openai`. */
export const ATTR_OPENAI_REQUEST_SERVICE_TIER = 'openai.request.service_tier'
/** `openai.response.service_tier`: OpenAI-specific, set only when `gen_ai.provider.name` is `openai` (spans and metrics). */
export const ATTR_OPENAI_RESPONSE_SERVICE_TIER = 'openai.response.service_tier'
/** `gen_ai.output.type`: the content type the client requested: `text`, `json`, `image` or `speech`. */
export const ATTR_GEN_AI_OUTPUT_TYPE = 'gen_ai.output.type'

// --- GenAI metric attributes ---

/** `gen_ai.token.type` on `gen_ai.client.token.usage` (`default` mode). */
export const ATTR_GEN_AI_TOKEN_TYPE = 'gen_ai.token.type'
/** {@link ATTR_GEN_AI_TOKEN_TYPE} value for input tokens. */
export const GEN_AI_TOKEN_TYPE_VALUE_INPUT = 'input'
/** {@link ATTR_GEN_AI_TOKEN_TYPE} value for output tokens. */
export const GEN_AI_TOKEN_TYPE_VALUE_OUTPUT = 'output'
/** `gen_ai.token.modality` on the `gen_ai.client.inference.usage.*` counters (`latest` mode). */
export const ATTR_GEN_AI_TOKEN_MODALITY = 'gen_ai.token.modality'
/** {@link ATTR_GEN_AI_TOKEN_MODALITY} value when the provider does not split usage by modality. */
export const GEN_AI_TOKEN_MODALITY_VALUE_UNKNOWN = 'unknown'

// --- GenAI metrics, `default` mode (v1.41.0) ---

/** Histogram `{token}`, one record per token type (`input`, `output`). */
export const METRIC_GEN_AI_CLIENT_TOKEN_USAGE = 'gen_ai.client.token.usage'
/** Histogram `s`. */
export const METRIC_GEN_AI_CLIENT_OPERATION_DURATION = 'gen_ai.client.operation.duration'
/** Histogram `s`, streams only. */
export const METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK = 'gen_ai.client.operation.time_to_first_chunk'

// --- GenAI metrics, `latest` mode ---

/** Histogram `s` (replaces `gen_ai.client.operation.duration` for inference). */
export const METRIC_GEN_AI_CLIENT_INFERENCE_DURATION = 'gen_ai.client.inference.duration'
/** Histogram `s`, streams only. */
export const METRIC_GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK = 'gen_ai.client.inference.time_to_first_chunk'
/** Counter `{token}`, by `gen_ai.token.modality`. */
export const METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS = 'gen_ai.client.inference.usage.input_tokens'
/** Counter `{token}`, by `gen_ai.token.modality`. */
export const METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS = 'gen_ai.client.inference.usage.output_tokens'
/** Counter `{token}`, by `gen_ai.token.modality`. */
export const METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS = 'gen_ai.client.inference.usage.cache_read.input_tokens'
/** Counter `{token}`, by `gen_ai.token.modality`. */
export const METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_WRITE_INPUT_TOKENS = 'gen_ai.client.inference.usage.cache_write.input_tokens'
/** Counter `{token}`, by `gen_ai.token.modality`. */
export const METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_REASONING_OUTPUT_TOKENS = 'gen_ai.client.inference.usage.reasoning.output_tokens'
/** Histogram `{token}` per operation (replaces `gen_ai.client.token.usage`). */
export const METRIC_GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS = 'gen_ai.client.inference.operation.input_tokens'
/** Histogram `{token}` per operation (replaces `gen_ai.client.token.usage`). */
export const METRIC_GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS = 'gen_ai.client.inference.operation.output_tokens'
/** Histogram `s` of embeddings calls (`latest` mode: `gen_ai.client.operation.duration` is not for embeddings there). */
export const METRIC_GEN_AI_CLIENT_EMBEDDINGS_DURATION = 'gen_ai.client.embeddings.duration'
/** Histogram `{token}` of the input tokens per embeddings call (`latest` mode). */
export const METRIC_GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS = 'gen_ai.client.embeddings.operation.input_tokens'

/** Explicit bucket advice of the spec for token histograms (both modes). */
export const TOKEN_BUCKETS: readonly number[] = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
]
/** Explicit bucket advice of the spec for duration and time-to-first-chunk histograms (both modes). */
export const SECONDS_BUCKETS: readonly number[] = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
]

// --- finops-ai span attributes (ours, both modes) ---

/** Cost of the call, decimal in the engine currency. */
export const ATTR_FINOPS_COST_AMOUNT = 'finops.cost.amount'
/** ISO 4217 code of the engine currency. */
export const ATTR_FINOPS_COST_CURRENCY = 'finops.cost.currency'
/** Input part of the cost (uncached input, cache reads and writes). */
export const ATTR_FINOPS_COST_INPUT = 'finops.cost.input'
/** Output part of the cost (output, reasoning). */
export const ATTR_FINOPS_COST_OUTPUT = 'finops.cost.output'
/**
 * Where the price came from: `genai-prices`, `genai-prices:corrected` (a correction-layer entry),
 * `genai-prices:approximate` (a sibling model's price), `override` or `fallback` (`unknownPrice.fallback`).
 */
export const ATTR_FINOPS_PRICE_SOURCE = 'finops.price.source'
/** Date (`YYYY-MM-DD`) of the price data that priced the call; absent for overrides and fallback prices. */
export const ATTR_FINOPS_PRICE_DATA_DATE = 'finops.price.data_date'
/** Keys of every policy the call counts against (string[]). */
export const ATTR_FINOPS_POLICY_KEYS = 'finops.policy.keys'
/** Key of the one policy a metric data point or denial is about (`per` suffix removed on metrics). */
export const ATTR_FINOPS_POLICY_KEY = 'finops.policy.key'
/** Smallest remaining hard budget among the call's policies after settlement, engine currency. */
export const ATTR_FINOPS_BUDGET_REMAINING = 'finops.budget.remaining'
/** `true` when usage was estimated (e.g. a stream cut before its usage arrived). */
export const ATTR_FINOPS_USAGE_ESTIMATED = 'finops.usage.estimated'
/** Estimated input tokens (int), set instead of `gen_ai.usage.input_tokens` when usage was estimated. */
export const ATTR_FINOPS_USAGE_INPUT_TOKENS = 'finops.usage.input_tokens'
/** Estimated output tokens (int), set instead of `gen_ai.usage.output_tokens` when usage was estimated. */
export const ATTR_FINOPS_USAGE_OUTPUT_TOKENS = 'finops.usage.output_tokens'
/** `true` when the store failed and the call went through by `fail-open`. */
export const ATTR_FINOPS_STORE_DEGRADED = 'finops.store.degraded'
/** `true` when required attribution keys were missing. */
export const ATTR_FINOPS_ATTRIBUTION_MISSING = 'finops.attribution.missing'
/** The model the caller asked for when a soft limit downgraded the request. */
export const ATTR_FINOPS_MODEL_DOWNGRADED_FROM = 'finops.model.downgraded_from'
/** The limit that denied a call (`budget`, `requests_per_minute`, ...), on `finops.guard.denials`. */
export const ATTR_FINOPS_GUARD_REASON = 'finops.guard.reason'
/** Calls that opted into the response cache: `true` when the cache answered (nothing was sent), `false` on a miss. */
export const ATTR_FINOPS_CACHE_HIT = 'finops.cache.hit'
/** Response-cache hit: what the replayed usage would have cost, decimal in the engine currency (`finops.cost.amount` is 0). */
export const ATTR_FINOPS_COST_AVOIDED = 'finops.cost.avoided'

// --- finops-ai metrics (ours, both modes) ---

/** Counter of cost, unit `{<ISO 4217 code>}` (e.g. `{EUR}`), value = decimal amount. */
export const METRIC_FINOPS_COST = 'finops.cost'
/** Counter of what response-cache hits would have cost, unit and attributes as {@link METRIC_FINOPS_COST}. */
export const METRIC_FINOPS_CACHE_COST_AVOIDED = 'finops.cache.cost_avoided'
/** Counter `{call}` of calls denied by a guard. */
export const METRIC_FINOPS_GUARD_DENIALS = 'finops.guard.denials'
/** Counter `{call}` of calls that lacked required attribution keys. */
export const METRIC_FINOPS_ATTRIBUTION_MISSING = 'finops.attribution.missing'

// --- GenAI events (log records) ---

/** Log record of a failed call, emitted when a logger provider is registered (severity WARN, `exception.*` attributes). */
export const EVENT_GEN_AI_CLIENT_OPERATION_EXCEPTION = 'gen_ai.client.operation.exception'

// --- finops-ai span events ---

/** Span event when a call crossed a policy's soft budget limit. */
export const EVENT_FINOPS_SOFT_LIMIT = 'finops.soft_limit'

/** The names that differ between the two modes. */
export interface SemconvNames {
  /** Span attribute for cache-write input tokens. */
  readonly cacheWriteInputTokens: string
  /** Duration histogram. */
  readonly durationMetric: string
  /** Time-to-first-chunk histogram. */
  readonly timeToFirstChunkMetric: string
  /** Whether the proposed `gen_ai.usage.cost.*` attributes are emitted. */
  readonly costAttributes: boolean
  /** Whether the usage metrics of a failed call carry its `error.type` (the latest conventions' usage instruments have it). */
  readonly usageErrorType: boolean
}

const namesByMode: Readonly<Record<SemconvMode, SemconvNames>> = {
  default: {
    cacheWriteInputTokens: ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
    durationMetric: METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
    timeToFirstChunkMetric: METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
    costAttributes: false,
    usageErrorType: false,
  },
  latest: {
    cacheWriteInputTokens: ATTR_GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS,
    durationMetric: METRIC_GEN_AI_CLIENT_INFERENCE_DURATION,
    timeToFirstChunkMetric: METRIC_GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK,
    costAttributes: true,
    usageErrorType: true,
  },
}

/** The mode-dependent names of `mode`. */
export function semconvNames(mode: SemconvMode): SemconvNames {
  return namesByMode[mode]
}

/** The mode an `OTEL_SEMCONV_STABILITY_OPT_IN` value selects: `latest` when its comma-separated list contains `gen_ai_latest_experimental`. */
export function semconvModeFromOptIn(optIn: string | undefined): SemconvMode {
  if (optIn === undefined || optIn === '') return 'default'
  for (const entry of optIn.split(',')) {
    if (entry.trim() === SEMCONV_OPT_IN_LATEST) return 'latest'
  }
  return 'default'
}
