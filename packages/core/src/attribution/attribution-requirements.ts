import { ConfigError } from '../errors/config-error.js'
import type { Attribution } from './attribution.js'
import { attributionValue } from './attribution-value.js'
import { createUserHasher, type UserHasher } from './user-hasher.js'
import { validateAttribution } from './validate-attribution.js'
import { WELL_KNOWN_ATTRIBUTION_KEYS } from './well-known-keys.js'

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
  /**
   * Custom attribution keys (beyond `user`, `team`, `feature`, `costCenter`) that policies may use
   * in `per:` and `match:`, e.g. `['tenant', 'run']`. Keys listed in `required` or set in
   * `defaults` count as declared too. A policy scoped by any other key is a `ConfigError` at load
   * (`per: usr` would otherwise put every user on one counter). Default `[]`. Env
   * `FINOPS_ATTRIBUTION_KEYS` (comma-separated) adds to it.
   */
  keys?: string[]
}

/** Attribution settings after validation and env overrides. */
export interface AttributionRequirements {
  required: readonly string[]
  onMissing: OnMissingAttribution
  defaults: Readonly<Attribution> | undefined
  /** Pseudonymises `user` values; undefined unless `hashUser` is on. */
  hashUser: UserHasher | undefined
  /** Keys policies may scope by: the well-known ones, `keys`, `FINOPS_ATTRIBUTION_KEYS`, `required` and the keys of `defaults`. */
  knownKeys: ReadonlySet<string>
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
  const knownKeys = new Set([...WELL_KNOWN_ATTRIBUTION_KEYS, ...declaredKeys(options.keys, env.FINOPS_ATTRIBUTION_KEYS), ...required, ...Object.keys(defaults ?? {})])
  return { required: Object.freeze([...required]), onMissing, defaults, hashUser: userHasher(options.hashUser), knownKeys }
}

function declaredKeys(keys: AttributionOptions['keys'], fromEnv: string | undefined): string[] {
  if (keys !== undefined && (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string' || key === ''))) {
    throw new ConfigError({ path: 'attribution.keys', detail: 'expected an array of attribution key names' })
  }
  const envKeys = fromEnv === undefined ? [] : fromEnv.split(',').map((key) => key.trim()).filter((key) => key !== '')
  return [...(keys ?? []), ...envKeys]
}

function userHasher(option: AttributionOptions['hashUser']): UserHasher | undefined {
  if (option === undefined || option === false) return undefined
  if (option === true) return createUserHasher(undefined)
  if (typeof option !== 'object' || option === null || typeof option.salt !== 'string' || option.salt.length === 0) {
    throw new ConfigError({ path: 'attribution.hashUser', detail: "expected true, false or { salt: 'a secret string' }" })
  }
  return createUserHasher(option.salt)
}

/** What {@link missingAttribution} returns for a call that lacks nothing: one shared, frozen array. */
const nothingMissing: readonly string[] = Object.freeze([])

/** The required keys `attribution` lacks; with nothing required, `['*']` when it carries no key at all. */
export function missingAttribution(attribution: Attribution, required: readonly string[]): readonly string[] {
  if (required.length === 0) {
    for (const key in attribution) if (attribution[key] !== undefined) return nothingMissing
    return ['*']
  }
  let missing: string[] | undefined
  for (const key of required) if (attributionValue(attribution, key) === undefined) (missing ??= []).push(key)
  return missing ?? nothingMissing
}
