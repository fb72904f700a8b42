import { AggregationTemporality, DataPointType, MeterProvider, MetricReader, type MetricData } from '@opentelemetry/sdk-metrics'
import { describe, expect, it } from 'vitest'
import { ObservedCounter } from './observed-counter.js'
import { sumPoints } from './otel-test-harness.js'

class TestReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve()
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve()
  }
}

function setup(temporality = AggregationTemporality.CUMULATIVE, cardinalityLimit?: number) {
  const reader = new TestReader({ aggregationTemporalitySelector: () => temporality })
  const meter = new MeterProvider({ readers: [reader] }).getMeter('test')
  const counter = new ObservedCounter(meter, 'finops.cost', { unit: '{USD}' }, cardinalityLimit)
  const collect = async (): Promise<MetricData | undefined> => {
    const { resourceMetrics } = await reader.collect()
    return resourceMetrics.scopeMetrics[0]?.metrics.find((metric) => metric.descriptor.name === 'finops.cost')
  }
  return { counter, collect }
}

describe('ObservedCounter', () => {
  it('exports a monotonic sum per attribute set, equal sets that are different objects sharing one', async () => {
    const { counter, collect } = setup()
    const team = Object.freeze({ 'team.name': 'a' })
    counter.add(0.5, team)
    counter.add(0.25, team)
    counter.add(1, { 'team.name': 'a' })
    counter.add(2, { 'team.name': 'b' })

    const metric = await collect()
    expect(metric?.dataPointType).toBe(DataPointType.SUM)
    expect(metric?.dataPointType === DataPointType.SUM && metric.isMonotonic).toBe(true)
    expect(metric?.descriptor.unit).toBe('{USD}')
    expect(sumPoints(metric)).toEqual([
      { attributes: { 'team.name': 'a' }, value: 1.75 },
      { attributes: { 'team.name': 'b' }, value: 2 },
    ])
  })

  it('reports running totals at every collection (cumulative) and what was added since (delta)', async () => {
    const cumulative = setup()
    cumulative.counter.add(1, { k: 'v' })
    await cumulative.collect()
    cumulative.counter.add(2, { k: 'v' })
    expect(sumPoints(await cumulative.collect())).toEqual([{ attributes: { k: 'v' }, value: 3 }])

    const delta = setup(AggregationTemporality.DELTA)
    delta.counter.add(1, { k: 'v' })
    expect(sumPoints(await delta.collect())).toEqual([{ attributes: { k: 'v' }, value: 1 }])
    delta.counter.add(2, { k: 'v' })
    expect(sumPoints(await delta.collect())).toEqual([{ attributes: { k: 'v' }, value: 2 }])
  })

  it('drops negative and NaN amounts, as a counter does', async () => {
    const { counter, collect } = setup()
    counter.add(1, { k: 'v' })
    counter.add(-1, { k: 'v' })
    counter.add(Number.NaN, { k: 'v' })
    expect(sumPoints(await collect())).toEqual([{ attributes: { k: 'v' }, value: 1 }])
  })

  it('adds the amounts of sets beyond its cardinality limit to the otel.metric.overflow set', async () => {
    const { counter, collect } = setup(AggregationTemporality.CUMULATIVE, 2)
    counter.add(1, { k: 'a' })
    counter.add(2, { k: 'b' })
    counter.add(3, { k: 'c' })
    counter.add(4, { k: 'd' })
    counter.add(5, { k: 'a' })
    expect(sumPoints(await collect())).toEqual([
      { attributes: { k: 'a' }, value: 6 },
      { attributes: { k: 'b' }, value: 2 },
      { attributes: { 'otel.metric.overflow': true }, value: 7 },
    ])
  })

  it('counts a caller-owned attributes object by what it holds at each add', async () => {
    const { counter, collect } = setup()
    const attributes: Record<string, string> = { k: 'v' }
    counter.add(1, attributes)
    attributes.k = 'changed'
    counter.add(2, attributes)
    expect(sumPoints(await collect())).toEqual([
      { attributes: { k: 'v' }, value: 1 },
      { attributes: { k: 'changed' }, value: 2 },
    ])
  })
})
