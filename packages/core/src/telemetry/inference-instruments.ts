import { ValueType, type Attributes, type Histogram, type Meter } from '@opentelemetry/api'
import type { OperationName } from '../call/call-request.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import { attributeSetOf, type MetricAttributeSet } from './metric-attribute-cache.js'
import { ObservedCounter } from './observed-counter.js'
import { cacheWriteTokens } from './outcome-attributes.js'
import {
  GEN_AI_TOKEN_TYPE_VALUE_INPUT,
  GEN_AI_TOKEN_TYPE_VALUE_OUTPUT,
  METRIC_FINOPS_ATTRIBUTION_MISSING,
  METRIC_FINOPS_CACHE_COST_AVOIDED,
  METRIC_FINOPS_COST,
  METRIC_FINOPS_GUARD_DENIALS,
  METRIC_GEN_AI_CLIENT_EMBEDDINGS_DURATION,
  METRIC_GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS,
  METRIC_GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS,
  METRIC_GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS,
  METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS,
  METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_WRITE_INPUT_TOKENS,
  METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS,
  METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS,
  METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_REASONING_OUTPUT_TOKENS,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
  SECONDS_BUCKETS,
  TOKEN_BUCKETS,
  semconvNames,
  type SemconvMode,
} from './semconv.js'

/**
 * The metric instruments of inference calls, created once per meter and naming mode. Records
 * that add an attribute to the call's (token type, modality, cost currency) take the call's
 * {@link MetricAttributeSet}, whose variants are built once per label combination; a plain
 * attributes object works too, copied per record.
 */
export interface InferenceInstruments {
  /**
   * Token usage of a call of `operation` (default: an inference operation): `gen_ai.client.token.usage`
   * (default mode; input only for `embeddings`), or in latest mode the `gen_ai.client.inference.usage.*`
   * counters and `gen_ai.client.inference.operation.*` histograms, and for `embeddings`
   * `gen_ai.client.embeddings.operation.input_tokens` instead.
   */
  recordUsage(usage: NormalizedUsage, attributes: MetricAttributeSet | Attributes, operation?: OperationName): void
  /**
   * Duration in seconds of a call of `operation` (default: an inference operation):
   * `gen_ai.client.operation.duration` (default mode), or in latest mode
   * `gen_ai.client.inference.duration`, and for `embeddings` `gen_ai.client.embeddings.duration`.
   */
  recordDuration(seconds: number, attributes: Attributes, operation?: OperationName): void
  /** `gen_ai.client.operation.time_to_first_chunk` (default) or `gen_ai.client.inference.time_to_first_chunk` (latest), seconds. */
  recordTimeToFirstChunk(seconds: number, attributes: Attributes): void
  /** `finops.cost` += `amount`; the counter's unit is `{<currency>}` and `finops.cost.currency` is added. */
  addCost(amount: number, currency: string, attributes: MetricAttributeSet | Attributes): void
  /** `finops.cache.cost_avoided` += `amount`: what a response-cache hit would have cost; unit and attributes as `addCost`. */
  addCostAvoided(amount: number, currency: string, attributes: MetricAttributeSet | Attributes): void
  /** `finops.guard.denials` += 1. */
  countDenial(attributes: Attributes): void
  /** `finops.attribution.missing` += 1. */
  countMissingAttribution(attributes: Attributes): void
}

/** Creates the instruments of `mode` on `meter` (with the spec's explicit bucket advice). */
export function createInferenceInstruments(meter: Meter, mode: SemconvMode): InferenceInstruments {
  const names = semconvNames(mode)
  const duration = meter.createHistogram(names.durationMetric, {
    description: 'GenAI operation duration.',
    unit: 's',
    advice: { explicitBucketBoundaries: [...SECONDS_BUCKETS] },
  })
  const timeToFirstChunk = meter.createHistogram(names.timeToFirstChunkMetric, {
    description: 'Time to receive the first chunk of a streamed response.',
    unit: 's',
    advice: { explicitBucketBoundaries: [...SECONDS_BUCKETS] },
  })
  const denials = meter.createCounter(METRIC_FINOPS_GUARD_DENIALS, {
    description: 'Calls denied by a finops-ai guard.',
    unit: '{call}',
    valueType: ValueType.INT,
  })
  const missingAttribution = meter.createCounter(METRIC_FINOPS_ATTRIBUTION_MISSING, {
    description: 'Calls that lacked required attribution keys.',
    unit: '{call}',
    valueType: ValueType.INT,
  })
  const recordUsage = mode === 'latest' ? latestUsageRecorder(meter) : defaultUsageRecorder(meter)
  // Latest mode: embeddings are not inference; they have their own duration histogram.
  const embeddingsDuration =
    mode === 'latest'
      ? meter.createHistogram(METRIC_GEN_AI_CLIENT_EMBEDDINGS_DURATION, {
          description: 'GenAI client embeddings operation duration.',
          unit: 's',
          advice: { explicitBucketBoundaries: [...SECONDS_BUCKETS] },
        })
      : duration

  return {
    recordUsage,
    recordDuration: (seconds, attributes, operation) => (operation === 'embeddings' ? embeddingsDuration : duration).record(seconds, attributes),
    recordTimeToFirstChunk: (seconds, attributes) => timeToFirstChunk.record(seconds, attributes),
    addCost: moneyCounter(meter, METRIC_FINOPS_COST, 'Cost of model calls as priced by finops-ai, in the engine currency.'),
    addCostAvoided: moneyCounter(meter, METRIC_FINOPS_CACHE_COST_AVOIDED, 'What calls answered by the response cache would have cost, in the engine currency.'),
    countDenial: (attributes) => denials.add(1, attributes),
    countMissingAttribution: (attributes) => missingAttribution.add(1, attributes),
  }
}

/**
 * A counter of amounts of money named `name`, one instrument per currency (its unit, e.g.
 * `{EUR}`), with `finops.cost.currency` added. Every call adds to it, so it is an
 * {@link ObservedCounter}: totals kept in process, reported at each collection.
 */
function moneyCounter(meter: Meter, name: string, description: string): InferenceInstruments['addCost'] {
  const counters = new Map<string, ObservedCounter>()
  return (amount, currency, attributes) => {
    let counter = counters.get(currency)
    if (counter === undefined) {
      counter = new ObservedCounter(meter, name, { description, unit: `{${currency}}` })
      counters.set(currency, counter)
    }
    counter.add(amount, attributeSetOf(attributes).withCurrency(currency))
  }
}

function tokenHistogram(meter: Meter, name: string, description: string): Histogram {
  return meter.createHistogram(name, {
    description,
    unit: '{token}',
    valueType: ValueType.INT,
    advice: { explicitBucketBoundaries: [...TOKEN_BUCKETS] },
  })
}

function defaultUsageRecorder(meter: Meter): InferenceInstruments['recordUsage'] {
  const tokens = tokenHistogram(meter, METRIC_GEN_AI_CLIENT_TOKEN_USAGE, 'Number of input and output tokens used.')
  return (usage, attributes, operation) => {
    const set = attributeSetOf(attributes)
    tokens.record(usage.inputTokens, set.tokenType(GEN_AI_TOKEN_TYPE_VALUE_INPUT))
    // Embeddings have no output tokens.
    if (operation !== 'embeddings') tokens.record(usage.outputTokens, set.tokenType(GEN_AI_TOKEN_TYPE_VALUE_OUTPUT))
  }
}

function latestUsageRecorder(meter: Meter): InferenceInstruments['recordUsage'] {
  // Added to on every call: kept in process and reported at each collection (see ObservedCounter).
  const counter = (name: string, description: string): ObservedCounter =>
    new ObservedCounter(meter, name, { description, unit: '{token}', valueType: ValueType.INT })
  const input = counter(METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS, 'The number of input tokens used, including cached tokens.')
  const output = counter(METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS, 'The number of output tokens used, including reasoning tokens.')
  const cacheRead = counter(METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS, 'The number of input tokens served from a provider-managed cache.')
  const cacheWrite = counter(METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_WRITE_INPUT_TOKENS, 'The number of input tokens written to a provider-managed cache.')
  const reasoning = counter(METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_REASONING_OUTPUT_TOKENS, 'The number of output tokens used for reasoning.')
  const inputPerOperation = tokenHistogram(meter, METRIC_GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS, 'The number of input tokens used per inference operation.')
  const outputPerOperation = tokenHistogram(meter, METRIC_GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS, 'The number of output tokens used per inference operation.')
  const embeddingsInput = tokenHistogram(meter, METRIC_GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS, 'The number of input tokens used per embeddings operation.')
  return (usage, attributes, operation) => {
    const set = attributeSetOf(attributes)
    // Embeddings are not inference: only their own input-token histogram.
    if (operation === 'embeddings') {
      embeddingsInput.record(usage.inputTokens, set.call)
      return
    }
    inputPerOperation.record(usage.inputTokens, set.call)
    outputPerOperation.record(usage.outputTokens, set.call)
    // The adapters do not split usage by modality: the spec's `unknown` modality applies.
    const byModality = set.unknownModality()
    input.add(usage.inputTokens, byModality)
    output.add(usage.outputTokens, byModality)
    if (usage.cacheReadTokens !== undefined) cacheRead.add(usage.cacheReadTokens, byModality)
    const written = cacheWriteTokens(usage)
    if (written !== undefined) cacheWrite.add(written, byModality)
    if (usage.reasoningTokens !== undefined) reasoning.add(usage.reasoningTokens, byModality)
  }
}
