import type { Attributes } from '@opentelemetry/api'
import { ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions'
import { addAttributionAttributes, type AttributionNaming } from '../attribution/attribution-attributes.js'
import type { CallRequest } from '../call/call-request.js'
import {
  ATTR_FINOPS_ATTRIBUTION_MISSING,
  ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_TYPE,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_CHOICE_COUNT,
  ATTR_GEN_AI_REQUEST_ENCODING_FORMATS,
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_K,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_OPENAI_REQUEST_SERVICE_TIER,
} from './semconv.js'
import { addProviderAttributes } from './provider-attributes.js'
import type { CallAttribution } from './telemetry-types.js'

/**
 * The attributes the GenAI conventions mark as relevant for sampling: operation, provider,
 * requested model, server address and port. Given to the tracer when the span starts.
 */
export function samplingAttributes(request: CallRequest): Attributes {
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: request.operation,
    [ATTR_GEN_AI_PROVIDER_NAME]: request.provider,
    [ATTR_GEN_AI_REQUEST_MODEL]: request.model,
  }
  if (request.server !== undefined) {
    attributes[ATTR_SERVER_ADDRESS] = request.server.address
    if (request.server.port !== undefined) attributes[ATTR_SERVER_PORT] = request.server.port
  }
  return attributes
}

/**
 * Writes the remaining request attributes into `target`: `gen_ai.request.*` parameters that were
 * set (never `gen_ai.request.max_tokens` for embeddings, which have no output), `gen_ai.embeddings.dimension.count`,
 * `gen_ai.request.stream` for streams, `gen_ai.output.type`, `openai.request.service_tier` (provider `openai`
 * only, and not for `auto`), the request's provider attributes in the provider's namespace, the
 * attribution attributes named by `naming` (default `'default'`), and `finops.attribution.missing=true`
 * when required keys were missing.
 */
export function addRequestAttributes(
  target: Attributes,
  request: CallRequest,
  attribution: CallAttribution,
  naming: AttributionNaming = 'default',
): Attributes {
  if (request.maxOutputTokens !== undefined && request.operation !== 'embeddings') target[ATTR_GEN_AI_REQUEST_MAX_TOKENS] = request.maxOutputTokens
  if (request.stream) target[ATTR_GEN_AI_REQUEST_STREAM] = true
  const parameters = request.parameters
  if (parameters !== undefined) {
    if (parameters.temperature !== undefined) target[ATTR_GEN_AI_REQUEST_TEMPERATURE] = parameters.temperature
    if (parameters.topP !== undefined) target[ATTR_GEN_AI_REQUEST_TOP_P] = parameters.topP
    if (parameters.topK !== undefined) target[ATTR_GEN_AI_REQUEST_TOP_K] = parameters.topK
    if (parameters.frequencyPenalty !== undefined) target[ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY] = parameters.frequencyPenalty
    if (parameters.presencePenalty !== undefined) target[ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY] = parameters.presencePenalty
    if (parameters.stopSequences !== undefined) target[ATTR_GEN_AI_REQUEST_STOP_SEQUENCES] = parameters.stopSequences
    if (parameters.seed !== undefined) target[ATTR_GEN_AI_REQUEST_SEED] = parameters.seed
    if (parameters.choiceCount !== undefined && parameters.choiceCount !== 1) {
      target[ATTR_GEN_AI_REQUEST_CHOICE_COUNT] = parameters.choiceCount
    }
    if (parameters.encodingFormats !== undefined) target[ATTR_GEN_AI_REQUEST_ENCODING_FORMATS] = parameters.encodingFormats
    if (parameters.dimensionCount !== undefined) target[ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT] = parameters.dimensionCount
  }
  if (request.outputType !== undefined) target[ATTR_GEN_AI_OUTPUT_TYPE] = request.outputType
  if (request.serviceTier !== undefined && request.serviceTier !== 'auto' && request.provider === 'openai') {
    target[ATTR_OPENAI_REQUEST_SERVICE_TIER] = request.serviceTier
  }
  if (request.providerAttributes !== undefined) addProviderAttributes(target, request.providerAttributes, request.provider)
  addAttributionAttributes(target, attribution.values, naming)
  if (attribution.missing.length > 0) target[ATTR_FINOPS_ATTRIBUTION_MISSING] = true
  return target
}
