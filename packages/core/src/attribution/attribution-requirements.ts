import { ConfigError } from '../errors/config-error.js'
import type { Attribution } from './attribution.js'
import { validateAttribution } from './validate-attribution.js'

/** What happens to a call that lacks required attribution. */
export type OnMissingAttribution = 'allow' | 'warn' | 'throw'

/** Attribution settings of an engine (`createFinOps({ attribution })`). */
export interface AttributionOptions {
  /**
   * Keys every call must carry, e.g. `['team', 'feature']`. With none listed, a call counts as
   * attributed when it carries at least one key. Default `[]`.
   */
  required?: string[]
  /**
   * `'allow'`: tag the call `finops.attribution.missing=true` and go on; `'warn'`: also emit an
   * `attribution_missing` event; `'throw'`: reject with `MissingAttributionError` before anything
   * is sent. Default `'warn'`. Env `FINOPS_ATTRIBUTION=off|warn|strict` (→ allow|warn|throw)
   * overrides it, so CI can switch strict mode on without a code change.
   */
  onMissing?: OnMissingAttribution
  /** Values every call of this engine carries unless a client default or a scope sets the key. */
  defaults?: Attribution
}

/** Attribution settings after validation and env overrides. */
export interface AttributionRequirements {
  required: readonly string[]
  onMissing: OnMissingAttribution
  defaults: Readonly<Attribution> | undefined
}

const envModes: Readonly<Record<string, OnMissingAttribution>> = { off: 'allow', warn: 'warn', strict: 'throw' }
const optionModes = ['allow', 'warn', 'throw']

/** Validates attribution options and applies `FINOPS_ATTRIBUTION`. */
export function resolveAttributionRequirements(
  options: AttributionOptions = {},
  env: Record<string, string | undefined> = process.env,
): AttributionRequirements {
  const required = options.required ?? []
  if (!Array.isArray(required) || required.some((key) => typeof key !== 'string' || key.length === 0)) {
    throw new ConfigError({ path: 'attribution.required', detail: 'expected an array of attribution key names' })
  }
  let onMissing = options.onMissing ?? 'warn'
  if (!optionModes.includes(onMissing)) {
    throw new ConfigError({ path: 'attribution.onMissing', detail: `expected one of ${optionModes.join('|')}, got '${String(onMissing)}'` })
  }
  const fromEnv = env.FINOPS_ATTRIBUTION
  if (fromEnv !== undefined && fromEnv !== '') {
    const mode = envModes[fromEnv]
    if (mode === undefined) {
      throw new ConfigError({ path: 'env.FINOPS_ATTRIBUTION', detail: `expected one of off|warn|strict, got '${fromEnv}'` })
    }
    onMissing = mode
  }
  const defaults = options.defaults === undefined ? undefined : validateAttribution(options.defaults, 'attribution.defaults')
  return { required: Object.freeze([...required]), onMissing, defaults }
}

/** The required keys `attribution` lacks; with nothing required, `['*']` when it carries no key at all. */
export function missingAttribution(attribution: Attribution, required: readonly string[]): string[] {
  if (required.length === 0) {
    for (const key in attribution) if (attribution[key] !== undefined) return []
    return ['*']
  }
  const missing: string[] = []
  for (const key of required) if (attribution[key] === undefined) missing.push(key)
  return missing
}
