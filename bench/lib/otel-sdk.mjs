import { context, metrics, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics'
import { BatchSpanProcessor, InMemorySpanExporter, TracerProvider } from '@opentelemetry/sdk-trace'

/**
 * A real OpenTelemetry SDK of the 3.x generation (`@opentelemetry/api` 1.10): a tracer provider
 * with a `BatchSpanProcessor` (default settings) into an in-memory exporter, a meter provider with
 * a periodic reader into an in-memory exporter, and the AsyncLocalStorage context manager.
 *
 * `install()` registers it globally the way an application's tracing setup does; `uninstall()`
 * removes every global again, so variants "without an OTel SDK" can run in the same process,
 * interleaved. Exported data is dropped on each `install()` so memory stays flat.
 */
export function createOtelSdk() {
  const spans = new InMemorySpanExporter()
  const tracerProvider = new TracerProvider({ spanProcessors: [new BatchSpanProcessor({ exporter: spans })] })
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
  const meterProvider = new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 1000 })] })
  const contextManager = new AsyncLocalStorageContextManager()
  let installed = false
  return {
    tracerProvider,
    meterProvider,
    spans,
    install() {
      if (installed) return
      spans.reset()
      metricExporter.reset()
      trace.setGlobalTracerProvider(tracerProvider)
      metrics.setGlobalMeterProvider(meterProvider)
      context.setGlobalContextManager(contextManager.enable())
      installed = true
    },
    uninstall() {
      if (!installed) return
      trace.disable()
      metrics.disable()
      context.disable()
      installed = false
    },
    async shutdown() {
      this.uninstall()
      await tracerProvider.shutdown()
      await meterProvider.shutdown()
    },
  }
}
