import { describe, expect, it } from 'vitest'
import { imageTokenAllowance } from './image-token-allowance.js'

describe('imageTokenAllowance', () => {
  it('bounds OpenAI tile-rule images and Anthropic images of unknown size', () => {
    // OpenAI GPT-4o tile rule (platform.openai.com/docs/guides/images-vision, read 2026-12-02):
    // most tiles 2×4 ⇒ 85 + 8 × 170 = 1,445. Anthropic (docs.anthropic.com vision, read 2026-12-02):
    // about 1,600 tokens at most (1092×1092 / 750 ≈ 1,590). The allowance covers both.
    const allowance = imageTokenAllowance({ type: 'image_url', image_url: { url: 'https://example.com/a.png' } })
    expect(allowance).toBe(1_600)
    expect(allowance).toBeGreaterThanOrEqual(85 + 8 * 170)
    expect(allowance).toBeGreaterThanOrEqual(Math.ceil((1092 * 1092) / 750))
    expect(imageTokenAllowance({ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } })).toBe(1_600)
    expect(imageTokenAllowance({ type: 'input_image', image_url: 'https://example.com/a.png', detail: 'high' })).toBe(1_600)
  })

  it('uses 85 tokens for detail low (OpenAI tile rule base)', () => {
    expect(imageTokenAllowance({ type: 'input_image', image_url: 'https://example.com/a.png', detail: 'low' })).toBe(85)
    expect(imageTokenAllowance({ type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } })).toBe(85)
  })

  it('counts AI SDK file parts only when they are images', () => {
    expect(imageTokenAllowance({ type: 'file', mediaType: 'image/png', data: 'AAAA' })).toBe(1_600)
    expect(imageTokenAllowance({ type: 'file', mediaType: 'application/pdf', data: 'AAAA' })).toBeUndefined()
    expect(imageTokenAllowance({ type: 'text', text: 'abc' })).toBeUndefined()
    expect(imageTokenAllowance({ role: 'user' })).toBeUndefined()
  })
})
