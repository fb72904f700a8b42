import { semconvModeFromOptIn, type SemconvMode } from './semconv.js'

/** Environment variables the telemetry reads, once, when it is created. */
export interface TelemetryEnvironment {
  /** From `OTEL_SEMCONV_STABILITY_OPT_IN`: `latest` when its list contains `gen_ai_latest_experimental`, else `default`. */
  semconv: SemconvMode
  /** From `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`: `true` only for the value `true` (any case). */
  captureContent: boolean
}

/** Environment variables as `process.env` holds them. */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>

/**
 * Reads {@link TelemetryEnvironment} from `env` (default: `process.env`, or nothing where there is
 * no `process`, e.g. edge runtimes).
 */
export function readTelemetryEnvironment(env: EnvironmentVariables = processEnvironment()): TelemetryEnvironment {
  return {
    semconv: semconvModeFromOptIn(env['OTEL_SEMCONV_STABILITY_OPT_IN']),
    captureContent: env['OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT']?.trim().toLowerCase() === 'true',
  }
}

function processEnvironment(): EnvironmentVariables {
  return (globalThis as { process?: { env?: EnvironmentVariables } }).process?.env ?? {}
}
