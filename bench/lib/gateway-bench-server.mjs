// The finops-ai gateway as the gateway benchmark runs it, in its own process (forked with
// --expose-gc; `argv[2]` is the upstream's OpenAI base URL): a real OTel SDK registered globally
// (tracer provider with a default `BatchSpanProcessor`, meter provider with a periodic reader, both
// exporting to no-op exporters so nothing accumulates over a soak), an engine on the memory store
// with the three bench policies, one virtual key matching them, and the gateway's HTTP server.
// Sends `{ port }` over IPC once listening; answers `'stats'` with the heap after GC and counts.
import { context, metrics, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics'
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace'
import { createFinOps, memoryStore } from '@finops-ai/core'
import { BENCH_ATTRIBUTION, benchPolicies } from './bench-policies.mjs'
import { BENCH_GATEWAY_SECRET, GATEWAY_DIST } from './gateway-bench-setup.mjs'
import { heapAfterGc } from './heap-after-gc.mjs'

const counts = { spans: 0, metricExports: 0, records: 0 }
const spanExporter = { export: (spans, done) => ((counts.spans += spans.length), done({ code: 0 })), shutdown: async () => {}, forceFlush: async () => {} }
const metricExporter = { export: (_metrics, done) => (counts.metricExports++, done({ code: 0 })), shutdown: async () => {}, forceFlush: async () => {} }
trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new BatchSpanProcessor({ exporter: spanExporter })] }))
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 1000 })] }))
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())

const { createGateway } = await import(GATEWAY_DIST)
const finops = createFinOps({ store: memoryStore(), policies: benchPolicies(), onUsage: () => void counts.records++ })
const key = { id: 'vk_bench', attribution: BENCH_ATTRIBUTION }
const gateway = createGateway({
  finops,
  keys: { lookup: (secret) => (secret === BENCH_GATEWAY_SECRET ? key : undefined) },
  upstreams: { openai: { baseURL: process.argv[2], apiKey: 'sk-bench-upstream' } },
})
gateway.server.listen(0, '127.0.0.1', () => process.send({ port: gateway.server.address().port }))
process.on('message', (message) => {
  if (message === 'stats') process.send({ heapUsed: heapAfterGc(), ...counts })
})
process.on('disconnect', () => process.exit(0))
