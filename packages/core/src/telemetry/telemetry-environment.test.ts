import { afterEach, describe, expect, it, vi } from 'vitest'
import { readTelemetryEnvironment } from './telemetry-environment.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('readTelemetryEnvironment', () => {
  it('defaults to the default names and no content capture', () => {
    expect(readTelemetryEnvironment({})).toEqual({ semconv: 'default', captureContent: false, attributeNames: 'default' })
  })

  it('reads the opt-in list and the content-capture switch', () => {
    expect(
      readTelemetryEnvironment({
        OTEL_SEMCONV_STABILITY_OPT_IN: 'gen_ai_latest_experimental',
        OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: ' TRUE ',
        FINOPS_ATTRIBUTE_NAMES: ' Namespaced ',
      }),
    ).toEqual({ semconv: 'latest', captureContent: true, attributeNames: 'namespaced' })
  })

  it('rejects an unknown FINOPS_ATTRIBUTE_NAMES value with a ConfigError naming the variable', () => {
    expect(() => readTelemetryEnvironment({ FINOPS_ATTRIBUTE_NAMES: 'flat' })).toThrow(/FINOPS_ATTRIBUTE_NAMES: must be one of default, namespaced; got 'flat'/)
  })

  it('captures content only for the value true', () => {
    expect(readTelemetryEnvironment({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: '1' }).captureContent).toBe(false)
  })

  it('reads process.env when no environment is given', () => {
    vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', 'gen_ai_latest_experimental')
    expect(readTelemetryEnvironment().semconv).toBe('latest')
  })
})
