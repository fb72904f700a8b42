// Collects every output of an engine — spans (attributes, events, status, exceptions), metrics,
// finops events, usage records, OTel diag log lines — as text, so tests can search it for secrets.
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api'
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import type { FinOpsEvent, UsageRecord } from '@finops-ai/core'

class ManualReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve()
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve()
  }
}

/**
 * Text of any value, deep: own enumerable and non-enumerable properties, `Error` message, stack
 * and cause, `Map`/`Headers` entries; cycles and depth bounded.
 */
export function deepText(value: unknown, seen = new WeakSet<object>(), depth = 0): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object' && typeof value !== 'function') return String(value)
  if (seen.has(value) || depth > 10) return ''
  seen.add(value)
  const parts: string[] = []
  if (value instanceof Error) parts.push(value.name, value.message, value.stack ?? '')
  const entries = (value as { entries?: unknown }).entries
  if ((value instanceof Map || (typeof Headers !== 'undefined' && value instanceof Headers)) && typeof entries === 'function') {
    for (const [key, item] of (value as Map<unknown, unknown>).entries()) parts.push(deepText(key, seen, depth + 1), deepText(item, seen, depth + 1))
  }
  for (const key of Reflect.ownKeys(value)) {
    let item: unknown
    try {
      item = (value as Record<PropertyKey, unknown>)[key]
    } catch {
      continue
    }
    if (typeof item === 'function') continue
    parts.push(String(key), deepText(item, seen, depth + 1))
  }
  return parts.join(' ')
}

/** Everything an engine emitted, gathered in memory. */
export interface EmittedOutputs {
  tracerProvider: BasicTracerProvider
  meterProvider: MeterProvider
  events: FinOpsEvent[]
  records: UsageRecord[]
  logs: string[]
  onEvent(event: FinOpsEvent): void
  onUsage(record: UsageRecord): void
  /** All outputs as one searchable text. */
  text(): Promise<string>
  /** The finished spans. */
  spans(): ReturnType<InMemorySpanExporter['getFinishedSpans']>
  /** Collected metric data points with their metric names. */
  dataPoints(): Promise<{ metric: string; attributes: Record<string, unknown> }[]>
  /** Removes the diag logger. */
  close(): void
}

/** Starts recording: a tracer and meter provider to hand the engine, and a diag logger at ALL levels. */
export function recordEverything(): EmittedOutputs {
  const exporter = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
  const reader = new ManualReader()
  const meterProvider = new MeterProvider({ readers: [reader] })
  const events: FinOpsEvent[] = []
  const records: UsageRecord[] = []
  const logs: string[] = []
  const log = (level: string) => (message: string, ...args: unknown[]) => void logs.push(`${level} ${message} ${args.map((arg) => deepText(arg)).join(' ')}`)
  const logger: DiagLogger = { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug'), verbose: log('verbose') }
  diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true })

  const dataPoints = async () => {
    const { resourceMetrics } = await reader.collect()
    return resourceMetrics.scopeMetrics.flatMap((scope) =>
      scope.metrics.flatMap((metric) =>
        (metric.dataPoints as { attributes: Record<string, unknown> }[]).map((point) => ({ metric: metric.descriptor.name, attributes: point.attributes })),
      ),
    )
  }

  return {
    tracerProvider,
    meterProvider,
    events,
    records,
    logs,
    onEvent: (event) => void events.push(event),
    onUsage: (record) => void records.push(record),
    spans: () => exporter.getFinishedSpans(),
    dataPoints,
    async text() {
      const spans = exporter.getFinishedSpans().map((span) => ({
        name: span.name,
        attributes: span.attributes,
        events: span.events,
        status: span.status,
        links: span.links,
        resource: span.resource.attributes,
      }))
      return [deepText(spans), deepText(await dataPoints()), deepText(events), deepText(records), JSON.stringify(records), logs.join('\n')].join('\n')
    },
    close: () => diag.disable(),
  }
}
