import { validateAttribution, type Attribution } from '@finops-ai/core'
import { objectField } from './operation-request.js'

/** The batch `metadata` key under which the attribution captured at creation travels, as JSON. */
export const ATTRIBUTION_METADATA_KEY = 'finops_attribution'

/** OpenAI's limits on `metadata`: 16 pairs, values of at most 512 characters. */
const maxPairs = 16
const maxValueLength = 512

/**
 * The batch's `metadata` with `attribution` added under {@link ATTRIBUTION_METADATA_KEY}, or
 * `undefined` when it does not fit OpenAI's limits (the caller's metadata already holds 16 pairs,
 * or the JSON is longer than 512 characters). The caller's own pairs are kept as they are.
 */
export function withAttributionMetadata(metadata: unknown, attribution: Attribution): Record<string, unknown> | undefined {
  const existing = objectField(metadata) ?? {}
  const value = JSON.stringify(attribution)
  const pairs = Object.keys(existing).filter((key) => key !== ATTRIBUTION_METADATA_KEY).length
  if (value.length > maxValueLength || pairs >= maxPairs) return undefined
  return { ...existing, [ATTRIBUTION_METADATA_KEY]: value }
}

/**
 * The attribution a batch's `metadata` carries under {@link ATTRIBUTION_METADATA_KEY}, or
 * `undefined` when it carries none or not a valid one (metadata is editable by anyone with the key).
 */
export function attributionFromMetadata(metadata: unknown): Attribution | undefined {
  const value = objectField(metadata)?.[ATTRIBUTION_METADATA_KEY]
  if (typeof value !== 'string') return undefined
  try {
    return validateAttribution(JSON.parse(value) as unknown, `batch.metadata.${ATTRIBUTION_METADATA_KEY}`)
  } catch {
    return undefined
  }
}
