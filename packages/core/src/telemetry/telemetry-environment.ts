import { ATTRIBUTION_NAMINGS, type AttributionNaming } from '../attribution/attribution-attributes.js'
import { ConfigError } from '../errors/config-error.js'
import { semconvModeFromOptIn, type SemconvMode } from './semconv.js'

/** Environment variables the telemetry reads, once, when it is created. */
export interface TelemetryEnvironment {
  /** From `OTEL_SEMCONV_STABILITY_OPT_IN`: `latest` when its list contains `gen_ai_latest_experimental`, else `default`. */
  semconv: SemconvMode
  /** From `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`: `true` only for the value `true` (any case). */
  captureContent: boolean
  /**
   * From `FINOPS_ATTRIBUTE_NAMES`: `namespaced` or `default` (any case); unset or empty: `default`.
   * Another value throws a `ConfigError`.
   */
  attributeNames: AttributionNaming
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
    attributeNames: attributionNamingFrom(env['FINOPS_ATTRIBUTE_NAMES']),
  }
}

function attributionNamingFrom(value: string | undefined): AttributionNaming {
  const naming = value?.trim().toLowerCase()
  if (naming === undefined || naming === '') return 'default'
  if ((ATTRIBUTION_NAMINGS as readonly string[]).includes(naming)) return naming as AttributionNaming
  throw new ConfigError([{ path: 'FINOPS_ATTRIBUTE_NAMES', detail: `must be one of ${ATTRIBUTION_NAMINGS.join(', ')}; got '${value}'` }])
}

function processEnvironment(): EnvironmentVariables {
  return (globalThis as { process?: { env?: EnvironmentVariables } }).process?.env ?? {}
}
