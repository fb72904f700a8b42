import { ConfigError } from '../errors/config-error.js'
import type { Attribution } from './attribution.js'
import { attributionValue } from './attribution-value.js'
import { createUserHasher, type UserHasher } from './user-hasher.js'
import { validateAttribution } from './validate-attribution.js'

/** What happens to a call that lacks required attribution. */
export type OnMissingAttribution = 'allow' | 'warn' | 'throw'

/** Attribution settings of an engine (`createFinOps({ attribution })`). */
export interface AttributionOptions {
  /**
   * Keys every call must carry, e.g. `['team', 'feature']`. With none listed, a call counts as
   * attributed when it carries at least one key. Default `[]`. Env `FINOPS_ATTRIBUTION_REQUIRED`
   * (comma-separated, e.g. `team,feature`) overrides it.
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
  /**
   * Replace `user` with a pseudonym (HMAC-SHA-256 keyed with `salt`, or SHA-256 without one; 32 hex
   * characters) as soon as a call's attribution is resolved, so the raw id never reaches spans,
   * events, usage records or a remote store. Policies with `match: { user }` then compare against
   * the pseudonym. Use a secret salt: unsalted hashes of e-mail addresses can be reversed by
   * guessing. Default `false`.
   */
  hashUser?: boolean | { salt: string }
}

/** Attribution settings after validation and env overrides. */
export interface AttributionRequirements {
  required: readonly string[]
  onMissing: OnMissingAttribution
  defaults: Readonly<Attribution> | undefined
  /** Pseudonymises `user` values; undefined unless `hashUser` is on. */
  hashUser: UserHasher | undefined
}

const envModes: Readonly<Record<string, OnMissingAttribution>> = { off: 'allow', warn: 'warn', strict: 'throw' }
const optionModes = ['allow', 'warn', 'throw']

/** Validates attribution options and applies `FINOPS_ATTRIBUTION`. */
export function resolveAttributionRequirements(
  options: AttributionOptions = {},
  env: Record<string, string | undefined> = process.env,
): AttributionRequirements {
  const fromEnvRequired = env.FINOPS_ATTRIBUTION_REQUIRED
  const required =
    fromEnvRequired !== undefined && fromEnvRequired.trim() !== ''
      ? fromEnvRequired.split(',').map((key) => key.trim()).filter((key) => key !== '')
      : (options.required ?? [])
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
  return { required: Object.freeze([...required]), onMissing, defaults, hashUser: userHasher(options.hashUser) }
}

function userHasher(option: AttributionOptions['hashUser']): UserHasher | undefined {
  if (option === undefined || option === false) return undefined
  if (option === true) return createUserHasher(undefined)
  if (typeof option !== 'object' || option === null || typeof option.salt !== 'string' || option.salt.length === 0) {
    throw new ConfigError({ path: 'attribution.hashUser', detail: "expected true, false or { salt: 'a secret string' }" })
  }
  return createUserHasher(option.salt)
}

/** The required keys `attribution` lacks; with nothing required, `['*']` when it carries no key at all. */
export function missingAttribution(attribution: Attribution, required: readonly string[]): string[] {
  if (required.length === 0) {
    for (const key in attribution) if (attribution[key] !== undefined) return []
    return ['*']
  }
  const missing: string[] = []
  for (const key of required) if (attributionValue(attribution, key) === undefined) missing.push(key)
  return missing
}
