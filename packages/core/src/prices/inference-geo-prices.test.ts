import { describe, expect, it } from 'vitest'
import { DEFAULT_INFERENCE_GEO_PRICES } from './inference-geo-prices.js'

describe('DEFAULT_INFERENCE_GEO_PRICES', () => {
  it("surcharges Anthropic's US-only inference ×1.1 and nothing else", () => {
    // https://platform.claude.com/docs/en/about-claude/pricing, "Data residency pricing" (read 2026-12-02).
    expect(DEFAULT_INFERENCE_GEO_PRICES).toEqual({ us: { 'anthropic:*': 1.1 } })
  })
})
