import { diag } from '@opentelemetry/api'
import { ConfigError } from '../errors/config-error.js'
import type { Attribution } from './attribution.js'

/** Longest attribution value accepted, in UTF-16 code units. */
export const MAX_ATTRIBUTION_VALUE_LENGTH = 256

const keyPattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
// C0 and C1 control characters: they corrupt logs, CSV exports and terminal reports.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * Checks an attribution object and returns a frozen copy holding only set values.
 * Keys must be identifiers (`costCenter`, `run_id`); values non-empty strings of at most
 * {@link MAX_ATTRIBUTION_VALUE_LENGTH} characters. Finite numbers and booleans are accepted as their
 * string form (`{ user: 42 }` → `'42'`, `{ beta: true }` → `'true'`), as numeric ids are common. Control characters are stripped with a `diag`
 * warning. Anything else throws a {@link ConfigError} naming the offending key under `where`.
 */
export function validateAttribution(attribution: unknown, where: string): Readonly<Attribution> {
  if (typeof attribution !== 'object' || attribution === null || Array.isArray(attribution)) {
    throw new ConfigError({ path: where, detail: `expected an object of attribution keys, got ${describe(attribution)}` })
  }
  const result: Attribution = {}
  for (const [key, value] of Object.entries(attribution)) {
    if (value === undefined) continue
    const path = `${where}.${key}`
    if (key === 'missing') {
      throw new ConfigError({ path, detail: "'missing' is reserved (the span attribute finops.attribution.missing flags unattributed calls); use another key name" })
    }
    if (!keyPattern.test(key)) {
      throw new ConfigError({ path, detail: 'attribution keys must start with a letter and hold only letters, digits and _ (at most 64)' })
    }
    const text = typeof value === 'string' ? value : (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' ? String(value) : undefined
    if (text === undefined) {
      throw new ConfigError({ path, detail: `expected a string, a finite number or a boolean, got ${describe(value)}` })
    }
    const clean = text.replace(controlCharacters, '')
    if (clean !== text) diag.warn(`finops-ai: stripped control characters from attribution ${path}`)
    if (clean.length === 0) throw new ConfigError({ path, detail: 'expected a non-empty string' })
    if (clean.length > MAX_ATTRIBUTION_VALUE_LENGTH) {
      throw new ConfigError({ path, detail: `value is ${clean.length} characters long; the limit is ${MAX_ATTRIBUTION_VALUE_LENGTH}` })
    }
    result[key] = clean
  }
  return Object.freeze(result)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return 'an array'
  return typeof value
}
