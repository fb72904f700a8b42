import { objectField, stringField } from '@finops-ai/core'

/**
 * The service tier a response reports, from its provider metadata: `serviceTier` (OpenAI
 * Responses: `providerMetadata.openai.serviceTier`) or the raw usage's `service_tier` (Anthropic:
 * `providerMetadata.anthropic.usage.service_tier`). `undefined` when none is reported; the engine
 * then prices the tier the request asked for.
 */
export function readServiceTier(providerMetadata: unknown): string | undefined {
  const entries = objectField(providerMetadata)
  for (const key in entries) {
    const metadata = objectField(entries[key])
    const tier = stringField(metadata?.serviceTier) ?? stringField(objectField(metadata?.usage)?.service_tier)
    if (tier !== undefined) return tier
  }
  return undefined
}
