import { describe, expect, it } from 'vitest'
import type { ConfigIssue } from '../errors/config-error.js'
import { modelPriceOf } from './model-price-fields.js'

describe('modelPriceOf', () => {
  it('maps each field to its genai-prices key and unit', () => {
    const issues: ConfigIssue[] = []
    const price = modelPriceOf(
      { input: 2, cacheReadImage: 0.5, outputImage: 32, inputCharacters: 15, perAudioMinute: 0.006, perWebSearch: 0.01, perFileSearch: 0.0025, perCodeInterpreterSession: 0.03 },
      1,
      'prices["m"]',
      issues,
    )
    expect(issues).toEqual([])
    expect(price).toEqual({
      input_mtok: 2,
      cache_image_read_mtok: 0.5,
      output_image_mtok: 32,
      input_mchars: 15,
      input_audio_hours: 0.36,
      web_searches_kcount: 10,
      storage_searches_kcount: 2.5,
      code_executions_kcount: 30,
    })
  })

  it('converts from another currency and keeps tiers', () => {
    const price = modelPriceOf({ input: { base: 1.72, tiers: [{ start: 200_000, price: 3.44 }] } }, 0.86, 'p', [])
    expect(price.input_mtok).toEqual({ base: 2, tiers: [{ start: 200_000, price: 4 }] })
  })

  it('reports every invalid field at its path', () => {
    const issues: ConfigIssue[] = []
    modelPriceOf({ input: -1, inputCharacters: { base: 1, tiers: [] } as never, output: { base: 1, tiers: [{ start: 1.5, price: -2 }] } }, 1, 'p', issues)
    expect(issues.map((issue) => issue.path)).toEqual(['p.input', 'p.output.tiers[0].start', 'p.output.tiers[0].price', 'p.inputCharacters'])
  })
})
