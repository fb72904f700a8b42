import type { Attributes } from '@opentelemetry/api'
import {
  DataPointType,
  MeterProvider,
  MetricReader,
  type DataPoint,
  type Histogram,
  type MetricData,
} from '@opentelemetry/sdk-metrics'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base'

/**
 * Test-only: the real OpenTelemetry SDK (sdk-trace-base 2.x, sdk-metrics 2.x) recording into
 * memory. Not exported from the package; the tests beside this file use it.
 */
export interface OtelTestHarness {
  tracerProvider: BasicTracerProvider
  meterProvider: MeterProvider
  /** Ended spans, in end order. */
  spans(): ReadableSpan[]
  /** Collects and returns every metric by name. */
  collect(): Promise<Map<string, MetricData>>
}

class ManualMetricReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve()
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve()
  }
}

/** Starts a harness; `spanProcessors` go before the in-memory exporter's processor. */
export function createOtelTestHarness(options: { spanProcessors?: SpanProcessor[] } = {}): OtelTestHarness {
  const exporter = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [...(options.spanProcessors ?? []), new SimpleSpanProcessor(exporter)],
  })
  const reader = new ManualMetricReader()
  const meterProvider = new MeterProvider({ readers: [reader] })
  return {
    tracerProvider,
    meterProvider,
    spans: () => exporter.getFinishedSpans(),
    async collect() {
      const { resourceMetrics, errors } = await reader.collect()
      if (errors.length > 0) throw new AggregateError(errors, 'metric collection failed')
      const byName = new Map<string, MetricData>()
      for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics) byName.set(metric.descriptor.name, metric)
      }
      return byName
    },
  }
}

/** The data points of a sum (counter) metric as `{ attributes, value }`. */
export function sumPoints(metric: MetricData | undefined): Array<{ attributes: Attributes; value: number }> {
  if (metric?.dataPointType !== DataPointType.SUM) throw new Error(`not a sum: ${metric?.descriptor.name}`)
  return metric.dataPoints.map((point: DataPoint<number>) => ({ attributes: point.attributes, value: point.value }))
}

/** The data points of a histogram metric as `{ attributes, count, sum, boundaries }`. */
export function histogramPoints(
  metric: MetricData | undefined,
): Array<{ attributes: Attributes; count: number; sum: number | undefined; boundaries: number[] }> {
  if (metric?.dataPointType !== DataPointType.HISTOGRAM) throw new Error(`not a histogram: ${metric?.descriptor.name}`)
  return metric.dataPoints.map((point: DataPoint<Histogram>) => ({
    attributes: point.attributes,
    count: point.value.count,
    sum: point.value.sum,
    boundaries: point.value.buckets.boundaries,
  }))
}
