import { logs } from '@opentelemetry/api-logs'
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallRequest } from '../call/call-request.js'
import { createTelemetry } from './create-telemetry.js'
import { createOtelTestHarness } from './otel-test-harness.js'

const request: CallRequest = { provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 10 }
const attribution = { values: {}, missing: [] }

function recordingLogs(): { loggerProvider: LoggerProvider; exporter: InMemoryLogRecordExporter } {
  const exporter = new InMemoryLogRecordExporter()
  return { loggerProvider: new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] }), exporter }
}

class RateLimitError extends Error {
  readonly status = 429
}

afterEach(() => {
  logs.disable()
})

describe('the gen_ai.client.operation.exception event', () => {
  it('records the exception class, the message and the stack with API keys redacted, in the span context', () => {
    const otel = createOtelTestHarness()
    const { loggerProvider, exporter } = recordingLogs()
    const inference = createTelemetry({ ...otel, loggerProvider }).startInference(request, attribution)
    inference.fail(new RateLimitError('429 Rate limit reached for key sk-abcdefghijklmnopqrstuvwx'))
    const [record] = exporter.getFinishedLogRecords()
    expect(record?.eventName).toBe('gen_ai.client.operation.exception')
    expect(record?.severityText).toBe('WARN')
    expect(record?.attributes['exception.type']).toBe('RateLimitError')
    expect(record?.attributes['exception.message']).toMatch(/^429 Rate limit reached for key /)
    expect(String(record?.attributes['exception.message'])).not.toContain('sk-abcdefghijklmnopqrstuvwx')
    expect(record?.attributes['exception.stacktrace']).toEqual(expect.stringContaining('exception-event.test.ts'))
    expect(String(record?.attributes['exception.stacktrace'])).not.toContain('sk-abcdefghijklmnopqrstuvwx')
    expect(record?.spanContext?.spanId).toBe(otel.spans()[0]?.spanContext().spanId)
  })

  it('records a thrown non-error as its message', () => {
    const { loggerProvider, exporter } = recordingLogs()
    createTelemetry({ ...createOtelTestHarness(), loggerProvider }).startInference(request, attribution).fail('socket hang up')
    expect(exporter.getFinishedLogRecords()[0]?.attributes).toEqual({ 'exception.message': 'socket hang up' })
  })

  it('goes to the global logger provider, even one registered after the telemetry was created, and nowhere without one', () => {
    const telemetry = createTelemetry(createOtelTestHarness())
    telemetry.startInference(request, attribution).fail(new Error('first'))
    const { loggerProvider, exporter } = recordingLogs()
    logs.setGlobalLoggerProvider(loggerProvider)
    telemetry.startInference(request, attribution).fail(new Error('second'))
    expect(exporter.getFinishedLogRecords().map((record) => record.attributes['exception.message'])).toEqual(['second'])
  })

  it('is not emitted for a denied call', () => {
    const { loggerProvider, exporter } = recordingLogs()
    const inference = createTelemetry({ ...createOtelTestHarness(), loggerProvider }).startInference(request, attribution)
    inference.deny({ reason: 'budget', policy: 'p', limit: 1, current: 2 } as Parameters<typeof inference.deny>[0])
    expect(exporter.getFinishedLogRecords()).toEqual([])
  })
})
