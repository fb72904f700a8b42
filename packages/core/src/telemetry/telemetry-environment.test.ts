import { afterEach, describe, expect, it, vi } from 'vitest'
import { readTelemetryEnvironment } from './telemetry-environment.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('readTelemetryEnvironment', () => {
  it('defaults to the default names and no content capture', () => {
    expect(readTelemetryEnvironment({})).toEqual({ semconv: 'default', captureContent: false })
  })

  it('reads the opt-in list and the content-capture switch', () => {
    expect(
      readTelemetryEnvironment({
        OTEL_SEMCONV_STABILITY_OPT_IN: 'gen_ai_latest_experimental',
        OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: ' TRUE ',
      }),
    ).toEqual({ semconv: 'latest', captureContent: true })
  })

  it('captures content only for the value true', () => {
    expect(readTelemetryEnvironment({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: '1' }).captureContent).toBe(false)
  })

  it('reads process.env when no environment is given', () => {
    vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', 'gen_ai_latest_experimental')
    expect(readTelemetryEnvironment().semconv).toBe('latest')
  })
})
