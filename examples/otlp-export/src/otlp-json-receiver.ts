import { once } from 'node:events'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'

/** An attribute value as decoded from OTLP/JSON `AnyValue`. */
export type AttributeValue = string | number | boolean | AttributeValue[] | null

/** One span as received, attributes flattened to a plain object. */
export interface ReceivedSpan {
  name: string
  /** OTLP `SpanKind` number (`3` = CLIENT). */
  kind: number
  attributes: Record<string, AttributeValue>
  /** The resource's attributes (`service.name`, ...). */
  resource: Record<string, AttributeValue>
  /** Instrumentation scope name, e.g. `@finops-ai/core`. */
  scope: string
}

/** One metric data point as received: a sum's value, or a histogram's count and sum. */
export interface ReceivedPoint {
  attributes: Record<string, AttributeValue>
  /** Sum or gauge value; for a histogram, the sum of its recorded values. */
  value: number
  /** Histogram only: how many values were recorded. */
  count?: number
}

/** One metric of one export request. */
export interface ReceivedMetric {
  name: string
  unit: string
  type: 'sum' | 'gauge' | 'histogram' | 'other'
  scope: string
  points: ReceivedPoint[]
}

/** A running receiver; see {@link startOtlpReceiver}. */
export interface OtlpReceiver {
  /** `http://127.0.0.1:PORT`: the OTLP endpoint (signals under `/v1/traces`, `/v1/metrics`). */
  url: string
  /** Every span received, in arrival order. */
  spans: ReceivedSpan[]
  /** Every metric of every export request, in arrival order (cumulative exports repeat a metric). */
  metrics: ReceivedMetric[]
  /** `content-type` of each request, e.g. `'POST /v1/traces application/json'`. */
  requests: string[]
  close(): Promise<void>
}

type Json = Record<string, unknown>
const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
const asObject = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {})

/** Decodes an OTLP/JSON `AnyValue` (64-bit integers arrive as strings). */
function anyValue(value: unknown): AttributeValue {
  const field = asObject(value)
  if ('stringValue' in field) return String(field.stringValue)
  if ('boolValue' in field) return Boolean(field.boolValue)
  if ('intValue' in field) return Number(field.intValue)
  if ('doubleValue' in field) return Number(field.doubleValue)
  if ('arrayValue' in field) return asArray(asObject(field.arrayValue).values).map(anyValue)
  return null
}

function attributes(list: unknown): Record<string, AttributeValue> {
  return Object.fromEntries(asArray(list).map((attribute) => [String(attribute.key), anyValue(attribute.value)]))
}

function spansOf(body: Json): ReceivedSpan[] {
  return asArray(body.resourceSpans).flatMap((resourceSpans) =>
    asArray(resourceSpans.scopeSpans).flatMap((scopeSpans) =>
      asArray(scopeSpans.spans).map((span) => ({
        name: String(span.name),
        kind: Number(span.kind),
        attributes: attributes(span.attributes),
        resource: attributes(asObject(resourceSpans.resource).attributes),
        scope: String(asObject(scopeSpans.scope).name ?? ''),
      })),
    ),
  )
}

function metricOf(metric: Json, scope: string): ReceivedMetric {
  const type = 'sum' in metric ? 'sum' : 'gauge' in metric ? 'gauge' : 'histogram' in metric ? 'histogram' : 'other'
  const points = asArray(asObject(metric[type]).dataPoints).map((point): ReceivedPoint => {
    const base = { attributes: attributes(point.attributes) }
    if (type === 'histogram') return { ...base, value: Number(point.sum ?? 0), count: Number(point.count ?? 0) }
    return { ...base, value: Number(point.asDouble ?? point.asInt ?? 0) }
  })
  return { name: String(metric.name), unit: String(metric.unit ?? ''), type, scope, points }
}

function metricsOf(body: Json): ReceivedMetric[] {
  return asArray(body.resourceMetrics).flatMap((resourceMetrics) =>
    asArray(resourceMetrics.scopeMetrics).flatMap((scopeMetrics) =>
      asArray(scopeMetrics.metrics).map((metric) => metricOf(metric, String(asObject(scopeMetrics.scope).name ?? ''))),
    ),
  )
}

async function readJson(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  let raw = Buffer.concat(chunks)
  if (request.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw)
  return asObject(JSON.parse(raw.toString('utf8')))
}

/**
 * A minimal OTLP/HTTP receiver for the JSON encoding (what `@opentelemetry/exporter-*-otlp-http`
 * send): accepts `POST /v1/traces` and `POST /v1/metrics` and keeps what arrived, decoded into
 * plain objects. Protobuf requests are answered with 415. For demos and tests, not production.
 */
export async function startOtlpReceiver({ port = 0 }: { port?: number } = {}): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = []
  const metrics: ReceivedMetric[] = []
  const requests: string[] = []
  const server = createServer((request, response) => {
    const contentType = String(request.headers['content-type'] ?? '')
    requests.push(`${request.method} ${request.url} ${contentType}`)
    const signal = request.method === 'POST' ? request.url : undefined
    if (signal !== '/v1/traces' && signal !== '/v1/metrics') {
      response.writeHead(404).end()
      return
    }
    if (!contentType.startsWith('application/json')) {
      response.writeHead(415, { 'content-type': 'text/plain' }).end('only the OTLP/JSON encoding is supported')
      return
    }
    readJson(request).then(
      (body) => {
        if (signal === '/v1/traces') spans.push(...spansOf(body))
        else metrics.push(...metricsOf(body))
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      },
      () => response.writeHead(400).end(),
    )
  })
  server.listen(port, '127.0.0.1')
  await once(server, 'listening')
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actual}`,
    spans,
    metrics,
    requests,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
