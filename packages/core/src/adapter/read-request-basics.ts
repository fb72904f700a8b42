import type { Attribution } from '../attribution/attribution.js'
import type { CallRequest, OperationName } from '../call/call-request.js'
import { numberField, stringField } from './json-fields.js'
import type { ProviderEndpoint } from './provider-endpoint.js'

/** What an adapter reads from one call's parameters; the client adds provider, server and attribution. */
export type ProviderRequest = Omit<CallRequest, 'provider' | 'server' | 'clientAttribution'>

/**
 * The request fields every provider's body spells alike: `model` (`'unknown'` when absent),
 * `stream: true` and `service_tier`; with the operation, the input estimate and the output-token
 * limit (`maxOutputTokens`, taken when it is a number) that the adapter read from its own fields.
 */
export function readRequestBasics(
  body: Record<string, unknown>,
  operation: OperationName,
  estimatedInputTokens: number,
  maxOutputTokens: unknown,
): ProviderRequest {
  const request: ProviderRequest = { operation, model: stringField(body.model) ?? 'unknown', stream: body.stream === true, estimatedInputTokens }
  const limit = numberField(maxOutputTokens)
  if (limit !== undefined) request.maxOutputTokens = limit
  const serviceTier = stringField(body.service_tier)
  if (serviceTier !== undefined) request.serviceTier = serviceTier
  return request
}

/**
 * Completes a request as read into the {@link CallRequest} the call path takes, in place (no copy
 * per call): the client's provider and server, and its default attribution when it has one.
 */
export function completeRequest(read: ProviderRequest, endpoint: ProviderEndpoint, attribution: Attribution | undefined): CallRequest {
  const request = read as CallRequest
  request.provider = endpoint.provider
  if (endpoint.server !== undefined) request.server = endpoint.server
  if (attribution !== undefined) request.clientAttribution = attribution
  return request
}
