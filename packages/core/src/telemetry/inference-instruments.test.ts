import { describe, expect, it } from 'vitest'
import { createInferenceInstruments } from './inference-instruments.js'
import { MetricAttributeSet } from './metric-attribute-cache.js'
import { createOtelTestHarness, sumPoints } from './otel-test-harness.js'

describe('createInferenceInstruments', () => {
  it('creates one finops.cost counter per currency, with the currency as its unit', async () => {
    const otel = createOtelTestHarness()
    const instruments = createInferenceInstruments(otel.meterProvider.getMeter('test'), 'default')
    instruments.addCost(0.5, 'EUR', new MetricAttributeSet({ 'team.name': 'a' }))
    instruments.addCost(0.25, 'EUR', { 'team.name': 'a' })

    const cost = (await otel.collect()).get('finops.cost')
    expect(cost?.descriptor.unit).toBe('{EUR}')
    expect(sumPoints(cost)).toEqual([{ attributes: { 'team.name': 'a', 'finops.cost.currency': 'EUR' }, value: 0.75 }])
  })

  it('counts denials and missing attribution as integers of calls', async () => {
    const otel = createOtelTestHarness()
    const instruments = createInferenceInstruments(otel.meterProvider.getMeter('test'), 'latest')
    instruments.countDenial({ 'finops.guard.reason': 'concurrency' })
    instruments.countDenial({ 'finops.guard.reason': 'concurrency' })
    instruments.countMissingAttribution({})

    const collected = await otel.collect()
    expect(collected.get('finops.guard.denials')?.descriptor.unit).toBe('{call}')
    expect(sumPoints(collected.get('finops.guard.denials'))).toEqual([{ attributes: { 'finops.guard.reason': 'concurrency' }, value: 2 }])
    expect(sumPoints(collected.get('finops.attribution.missing'))).toEqual([{ attributes: {}, value: 1 }])
  })

  it('records no cache or reasoning counters when the provider reported none (latest)', async () => {
    const otel = createOtelTestHarness()
    createInferenceInstruments(otel.meterProvider.getMeter('test'), 'latest').recordUsage({ inputTokens: 3, outputTokens: 4 }, new MetricAttributeSet({}))

    const collected = await otel.collect()
    expect(collected.has('gen_ai.client.inference.usage.input_tokens')).toBe(true)
    expect(collected.has('gen_ai.client.inference.usage.cache_read.input_tokens')).toBe(false)
    expect(collected.has('gen_ai.client.inference.usage.cache_write.input_tokens')).toBe(false)
    expect(collected.has('gen_ai.client.inference.usage.reasoning.output_tokens')).toBe(false)
  })
})
