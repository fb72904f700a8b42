import { describe, expect, it } from 'vitest'
import { FREE_METER, meterRatesFromModelPrice, rateAt } from './meter-rates.js'

describe('meterRatesFromModelPrice', () => {
  it('converts per-million and per-thousand prices into integer pico rates', () => {
    const rates = meterRatesFromModelPrice({ input_mtok: 2.5, cache_read_mtok: 1.25, output_mtok: 10, web_searches_kcount: 10 })
    expect(rates.input.base).toBe(2_500_000)
    expect(rates.cacheRead.base).toBe(1_250_000)
    expect(rates.output.base).toBe(10_000_000)
    expect(rates.webSearch.base).toBe(10_000_000_000)
    expect(rates.request).toBe(FREE_METER)
    expect(rates.tiered).toBe(false)
  })

  it('falls back: cache and audio to input, 1h writes to 5m writes, reasoning and audio to output', () => {
    const rates = meterRatesFromModelPrice({ input_mtok: 3, output_mtok: 15, cache_write_mtok: 3.75 })
    expect(rates.cacheRead).toBe(rates.input)
    expect(rates.inputAudio).toBe(rates.input)
    expect(rates.cacheWrite1h).toBe(rates.cacheWrite)
    expect(rates.reasoning).toBe(rates.output)
    expect(rates.outputAudio).toBe(rates.output)
    const bare = meterRatesFromModelPrice({ input_mtok: 1, output_mtok: 2 })
    expect(bare.cacheWrite1h).toBe(bare.input)
  })

  it('keeps tiers sorted and picks the last tier whose start is strictly exceeded', () => {
    const rates = meterRatesFromModelPrice({ input_mtok: { base: 3, tiers: [{ start: 500_000, price: 9 }, { start: 200_000, price: 6 }] }, output_mtok: 15 })
    expect(rates.tiered).toBe(true)
    expect(rateAt(rates.input, 200_000)).toBe(3_000_000)
    expect(rateAt(rates.input, 200_001)).toBe(6_000_000)
    expect(rateAt(rates.input, 500_001)).toBe(9_000_000)
  })

  it('reads image, duration, character and tool prices with their fallbacks', () => {
    const rates = meterRatesFromModelPrice({ input_mtok: 5, cache_read_mtok: 1.25, output_mtok: 40, input_image_mtok: 10, audio_hours: 0.36, storage_searches_kcount: 2.5 })
    expect(rates.inputImage.base).toBe(10_000_000)
    expect(rates.cacheReadImage).toBe(rates.cacheRead)
    expect(rates.outputImage).toBe(rates.output)
    expect(rates.audioSecond.base).toBe(100_000_000)
    expect(rates.fileSearch.base).toBe(2_500_000_000)
    expect(rates.inputCharacter).toBe(FREE_METER)
    expect(rates.codeInterpreterSession).toBe(FREE_METER)
    expect(meterRatesFromModelPrice({ input_audio_hours: 0.27, audio_hours: 0.36 }).audioSecond.base).toBe(75_000_000)
  })
})
