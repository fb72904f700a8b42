/**
 * Multipliers of the token prices by the inference geography a response reports (Anthropic's
 * `usage.inference_geo`), by geography, then by key as in `ServiceTierPrices`: `'provider:model'`,
 * `'model'`, `'provider:*'` or `'*'` (lower case). A geography or model not listed costs the standard
 * price.
 */
export type InferenceGeoPrices = Readonly<Record<string, Readonly<Record<string, number>>>>

/**
 * The inference-geography surcharges the engine applies, on top of the service tier's price, to the
 * token meters only (input, cache reads and writes, output); per-call and tool fees are unchanged.
 *
 * - Anthropic: `inference_geo: "us"` (US-only inference) is ×1.1 "on all token pricing categories,
 *   including input tokens, output tokens, cache writes, and cache reads"; `"global"` is the standard
 *   price (https://platform.claude.com/docs/en/about-claude/pricing, "Data residency pricing", and
 *   https://platform.claude.com/docs/en/build-with-claude/data-residency, read 2026-12-02). Only
 *   Claude Opus 4.6, Sonnet 4.6 and later models accept `inference_geo` (older ones answer 400), so
 *   a response reporting `"us"` is always one of them: the key covers every Anthropic model,
 *   including those released after this table.
 */
export const DEFAULT_INFERENCE_GEO_PRICES: InferenceGeoPrices = {
  us: { 'anthropic:*': 1.1 },
}
