import { context, metrics, propagation, trace } from '@opentelemetry/api'
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics'
import { NodeSDK } from '@opentelemetry/sdk-node'

/** Options of {@link startTelemetry}. */
export interface TelemetryOptions {
  /** OTLP/HTTP base endpoint, e.g. `http://localhost:4318`; signals go to `/v1/traces` and `/v1/metrics`. */
  endpoint: string
  /** `service.name` of the resource. */
  serviceName: string
  /** How often metrics are exported. Default `60000` ms; `shutdown()` exports once more either way. */
  metricIntervalMs?: number
}

/** The started SDK; `shutdown()` flushes spans and metrics, then unregisters the global providers. */
export interface RunningTelemetry {
  shutdown(): Promise<void>
}

/**
 * The usual OpenTelemetry Node setup, nothing finops-specific: `NodeSDK` with the OTLP/HTTP trace
 * and metric exporters (JSON encoding), registered as the global tracer and meter providers.
 * `createFinOps()` uses the global providers by default, so its spans and metrics go out with the
 * application's own.
 */
export function startTelemetry({ endpoint, serviceName, metricIntervalMs = 60_000 }: TelemetryOptions): RunningTelemetry {
  const base = endpoint.replace(/\/+$/, '')
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter({ url: `${base}/v1/traces` }),
    metricReaders: [
      new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }), exportIntervalMillis: metricIntervalMs }),
    ],
    // No logs in this demo (NodeSDK would otherwise set up an OTLP log exporter from the environment).
    logRecordProcessors: [],
  })
  sdk.start()
  return {
    async shutdown() {
      await sdk.shutdown()
      trace.disable()
      metrics.disable()
      context.disable()
      propagation.disable()
    },
  }
}
