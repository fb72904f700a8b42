/** The OpenTelemetry SDK the CLI registered, or why there is none. */
export interface TelemetryExport {
  /** One line for the log: whether spans and metrics are exported, and how to change that. */
  readonly status: string
  /** Flushes and stops the SDK (after the gateway's own shutdown); nothing when export is off. */
  shutdown(): Promise<void>
}

interface NodeSdk {
  start(): void
  shutdown(): Promise<void>
}

/**
 * Registers the OpenTelemetry Node SDK (`@opentelemetry/sdk-node`, an optional peer, imported
 * dynamically) configured from the standard `OTEL_*` variables: `OTEL_TRACES_EXPORTER`,
 * `OTEL_METRICS_EXPORTER` (default `otlp` each), `OTEL_EXPORTER_OTLP_ENDPOINT`,
 * `OTEL_SERVICE_NAME`, …. Export is off when the package is not installed or `OTEL_SDK_DISABLED`
 * is `true`; {@link TelemetryExport.status} says which. Call it before the engine is created, so its
 * metric instruments bind to the SDK's meter provider.
 */
export async function startTelemetryExport(env: Readonly<Record<string, string | undefined>> = process.env): Promise<TelemetryExport> {
  const off = (why: string): TelemetryExport => ({ status: `telemetry export off (${why})`, shutdown: async () => {} })
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return off('OTEL_SDK_DISABLED=true')
  let NodeSDK: new () => NodeSdk
  try {
    // A variable specifier keeps bundlers from resolving the optional peer at build time.
    const specifier = '@opentelemetry/sdk-node'
    ;({ NodeSDK } = (await import(specifier)) as { NodeSDK: new () => NodeSdk })
  } catch {
    return off('@opentelemetry/sdk-node is not installed; npm install @opentelemetry/sdk-node to export spans and metrics')
  }
  const sdk = new NodeSDK()
  sdk.start()
  const exporter = (variable: string) => env[variable]?.trim() || 'otlp'
  return {
    status: `telemetry export on (@opentelemetry/sdk-node: traces ${exporter('OTEL_TRACES_EXPORTER')}, metrics ${exporter('OTEL_METRICS_EXPORTER')}; OTEL_SDK_DISABLED=true turns it off)`,
    shutdown: () => sdk.shutdown(),
  }
}
