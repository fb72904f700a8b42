import { trace, type ProxyTracerProvider } from '@opentelemetry/api'
import { describe, expect, it } from 'vitest'
import { startTelemetryExport } from './telemetry-export.js'

describe('startTelemetryExport', () => {
  it('registers nothing and says so when OTEL_SDK_DISABLED is true', async () => {
    const delegate = () => (trace.getTracerProvider() as ProxyTracerProvider).getDelegate()
    const before = delegate()
    const telemetry = await startTelemetryExport({ OTEL_SDK_DISABLED: 'TRUE' })
    expect(telemetry.status).toBe('telemetry export off (OTEL_SDK_DISABLED=true)')
    expect(delegate()).toBe(before)
    await telemetry.shutdown()
  })
  // Export on, spans reaching an exporter: gateway-processes.test.ts (a CLI process with OTEL_TRACES_EXPORTER=console).
})
