import { describe, expect, it } from 'vitest'
import { findModel } from './find-model.js'
import { correctPriceData, PRICE_CORRECTIONS, upstreamHas } from './price-corrections.js'
import { bundledPriceData, priceDataFrom } from './price-data.js'

describe('PRICE_CORRECTIONS', () => {
  it.each(PRICE_CORRECTIONS.map((correction) => [`${correction.provider}/${correction.model}`, correction] as const))(
    '%s is still missing upstream (remove the entry when this fails)',
    (_name, correction) => {
      expect(upstreamHas(correction, bundledPriceData())).toBe(false)
    },
  )

  it('names a source and the date it was checked for every entry', () => {
    for (const correction of PRICE_CORRECTIONS) {
      expect(correction.source).toMatch(/^https:\/\//)
      expect(correction.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(correction.reason.length).toBeGreaterThan(10)
    }
  })
})

describe('correctPriceData', () => {
  const data = correctPriceData(bundledPriceData())

  it('patches a model in every dated price and marks it corrected', () => {
    const found = findModel(data, 'anthropic', 'claude-sonnet-4-20250514')!
    expect(found.model.prices).toMatchObject({ input_mtok: { base: 3, tiers: [{ start: 200_000, price: 6 }] }, output_mtok: { base: 15, tiers: [{ start: 200_000, price: 22.5 }] } })
    expect(data.corrected(found.model)).toBe(true)
    expect(data.corrected(findModel(data, 'anthropic', 'claude-sonnet-4-5')!.model)).toBe(false)
  })

  it('adds models the data lacks and provider-wide fees without marking every model', () => {
    const tts = findModel(data, 'openai', 'tts-1-hd')!
    expect(tts.model.prices).toEqual({ input_mchars: 30 })
    const gpt4o = findModel(data, 'openai', 'gpt-4o')!
    expect(gpt4o.model.prices).toMatchObject({ code_executions_kcount: 30 })
    expect(data.corrected(gpt4o.model)).toBe(false)
  })

  it('reports upstream data that caught up', () => {
    const correction = PRICE_CORRECTIONS.find((entry) => entry.model === 'tts-1')!
    const upstream = priceDataFrom([{ id: 'openai', name: 'OpenAI', api_pattern: '', models: [{ id: 'tts-1', match: { equals: 'tts-1' }, prices: { input_mchars: 15 } }] }], '2027-01-01')
    expect(upstreamHas(correction, upstream)).toBe(true)
  })

  it('keeps the data date and leaves the source data untouched', () => {
    const bundled = bundledPriceData()
    expect(correctPriceData(bundled).date).toBe(bundled.date)
    expect(bundled.provider('openai')!.models.some((model) => model.id === 'tts-1')).toBe(false)
  })

  it('never overwrites newer data that changed or already has what an entry patches', () => {
    const sonnet4 = { id: 'claude-sonnet-4-0', match: { equals: 'claude-sonnet-4' } }
    const changed = correctPriceData(
      priceDataFrom([{ id: 'anthropic', name: 'Anthropic', api_pattern: '', models: [{ ...sonnet4, prices: { input_mtok: 2.5, output_mtok: 12 } }] }], '2027-01-01'),
    )
    expect(findModel(changed, 'anthropic', 'claude-sonnet-4')!.model.prices).toEqual({ input_mtok: 2.5, output_mtok: 12 })
    const withFee = correctPriceData(
      priceDataFrom([{ id: 'openai', name: 'OpenAI', api_pattern: '', models: [{ id: 'gpt-x', match: { equals: 'gpt-x' }, prices: { input_mtok: 1, code_executions_kcount: 25 } }] }], '2027-01-01'),
    )
    expect(findModel(withFee, 'openai', 'gpt-x')!.model.prices).toEqual({ input_mtok: 1, code_executions_kcount: 25 })
  })
})
