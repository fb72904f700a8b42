import type { CallResult } from '../call/call-result.js'
import { stringField } from './json-fields.js'

/**
 * The `id`, `model` and service tier of a provider response object as {@link CallResult} fields;
 * fields the response lacks are left out. `serviceTier` defaults to the object's `service_tier`
 * (Anthropic reports it inside `usage`).
 */
export function readResponseIdentity(
  fields: Record<string, unknown> | undefined,
  serviceTier: unknown = fields?.service_tier,
): Omit<CallResult, 'usage'> {
  const known: Omit<CallResult, 'usage'> = {}
  const responseId = stringField(fields?.id)
  if (responseId !== undefined) known.responseId = responseId
  const responseModel = stringField(fields?.model)
  if (responseModel !== undefined) known.responseModel = responseModel
  const tier = stringField(serviceTier)
  if (tier !== undefined) known.serviceTier = tier
  return known
}
