import type { Attributes } from '@opentelemetry/api'
import { ATTR_ERROR_TYPE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions'
import { attributionAttributeName, type AttributionNaming } from '../attribution/attribution-attributes.js'
import type { Attribution } from '../attribution/attribution.js'
import type { CallRequest } from '../call/call-request.js'
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_OPENAI_RESPONSE_SERVICE_TIER,
} from './semconv.js'

/**
 * The attribution keys that become metric attributes (named by {@link attributionAttributeName}).
 * Everything else (`user` → `enduser.id`, custom keys) stays on spans: metric attributes must have
 * bounded cardinality.
 */
export const metricAttributionKeys: readonly string[] = ['team', 'feature', 'costCenter']

/** What a metric data point of one call is labelled with. */
export interface MetricLabels {
  request: CallRequest
  /** The model sent (after a downgrade, the cheaper one). */
  model: string
  attribution: Attribution
  responseModel?: string
  /** The service tier the provider reports (`openai.response.service_tier` when the provider is `openai`). */
  serviceTier?: string
  errorType?: string
}

/**
 * The bounded allow-list of metric attributes of a call: `gen_ai.operation.name`,
 * `gen_ai.provider.name`, `gen_ai.request.model`, `gen_ai.response.model`, `server.address`,
 * `server.port`, `error.type`, `openai.response.service_tier` (provider `openai` only, as the
 * conventions' OpenAI metric refinements list it), and the `team`, `feature` and `costCenter`
 * attribution under their names in `naming` (`team.name`, `feature.name`, `cost_center` by
 * default). Never `enduser.id` or custom attribution keys.
 */
export function metricAttributes(labels: MetricLabels, naming: AttributionNaming = 'default'): Attributes {
  const request = labels.request
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: request.operation,
    [ATTR_GEN_AI_PROVIDER_NAME]: request.provider,
    [ATTR_GEN_AI_REQUEST_MODEL]: labels.model,
  }
  if (labels.responseModel !== undefined) attributes[ATTR_GEN_AI_RESPONSE_MODEL] = labels.responseModel
  if (request.server !== undefined) {
    attributes[ATTR_SERVER_ADDRESS] = request.server.address
    if (request.server.port !== undefined) attributes[ATTR_SERVER_PORT] = request.server.port
  }
  if (labels.errorType !== undefined) attributes[ATTR_ERROR_TYPE] = labels.errorType
  if (labels.serviceTier !== undefined && request.provider === 'openai') attributes[ATTR_OPENAI_RESPONSE_SERVICE_TIER] = labels.serviceTier
  for (const key of metricAttributionKeys) {
    const value = labels.attribution[key]
    if (value !== undefined) attributes[attributionAttributeName(key, naming)] = value
  }
  return attributes
}
