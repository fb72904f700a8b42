import { closestName, ConfigError, validateAttribution, type ConfigIssue } from '@finops-ai/core'
import { SECRET_PREFIX } from './secret-hash.js'
import type { VirtualKeyProvider } from './virtual-key.js'
import type { VirtualKeyEntry } from './virtual-key-entry.js'

/** Ids are logged: letters, digits, `_`, `.` and `-`, starting with a letter or digit, at most 64. */
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const hashPattern = /^sha256:[0-9a-f]{64}$/
/** An HTTP header name (RFC 9110 token). */
const headerPattern = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/
/** Headers that carry credentials: as a user header they would copy a secret into attribution, spans and usage records. */
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'cookie'])
const providerNames: readonly VirtualKeyProvider[] = ['openai', 'anthropic']
const documentFields = ['keys']
const entryFields = ['id', 'hash', 'attribution', 'user_header', 'providers', 'models', 'created', 'expires', 'revoked']

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype

/** `where.field`, or `field` at the root. */
const at = (where: string, field: string): string => (where === '' ? field : `${where}.${field}`)

function unknownFieldIssues(raw: Record<string, unknown>, known: readonly string[], where: string): ConfigIssue[] {
  return Object.keys(raw)
    .filter((field) => !known.includes(field))
    .map((field) => {
      const suggestion = closestName(field, known)
      return { path: at(where, field), detail: `unknown field${suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`}` }
    })
}

function readDate(value: unknown, path: string, issues: ConfigIssue[]): Date | undefined {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : undefined
  if (date === undefined || Number.isNaN(date.getTime())) {
    issues.push({ path, detail: value === undefined ? 'required' : 'expected an ISO 8601 date such as 2027-01-31 or 2027-01-31T12:00:00Z' })
    return undefined
  }
  return date
}

function readNames(value: unknown, path: string, noun: 'provider' | 'model', issues: ConfigIssue[]): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({ path, detail: `expected a non-empty list of ${noun}s; omit the field to allow all` })
    return undefined
  }
  const names: string[] = []
  value.forEach((name: unknown, index) => {
    if (typeof name !== 'string' || name.trim() === '') issues.push({ path: `${path}[${index}]`, detail: `expected a ${noun} name` })
    else if (names.includes(name)) issues.push({ path: `${path}[${index}]`, detail: `'${name}' is listed twice` })
    else names.push(name)
  })
  return names
}

function readEntry(raw: unknown, where: string, issues: ConfigIssue[]): VirtualKeyEntry | undefined {
  if (!isPlainObject(raw)) {
    issues.push({ path: where, detail: 'expected an object with id, hash, attribution and created' })
    return undefined
  }
  const before = issues.length
  issues.push(...unknownFieldIssues(raw, entryFields, where))
  const { id, hash, user_header: userHeader, revoked } = raw
  if (typeof id !== 'string' || !idPattern.test(id)) {
    issues.push({ path: at(where, 'id'), detail: id === undefined ? 'required' : 'expected letters, digits, _, . and - (at most 64), starting with a letter or digit' })
  } else if (id.startsWith(SECRET_PREFIX)) {
    issues.push({ path: at(where, 'id'), detail: `ids are logged and must not look like a secret: choose one that does not start with '${SECRET_PREFIX}'` })
  }
  if (typeof hash !== 'string' || !hashPattern.test(hash)) {
    issues.push({ path: at(where, 'hash'), detail: hash === undefined ? 'required' : "expected 'sha256:' and 64 lower-case hex digits (a secret is never stored: create keys with `keys create`)" })
  }
  let attribution: Record<string, string> | undefined
  try {
    // validateAttribution keeps only the keys that are set.
    attribution = { ...validateAttribution(raw.attribution, at(where, 'attribution')) } as Record<string, string>
    if (Object.keys(attribution).length === 0) issues.push({ path: at(where, 'attribution'), detail: 'expected at least one attribution key, e.g. team' })
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error
    issues.push(...error.issues)
  }
  if (userHeader !== undefined) {
    if (typeof userHeader !== 'string' || !headerPattern.test(userHeader)) issues.push({ path: at(where, 'user_header'), detail: 'expected an HTTP header name such as x-user' })
    else if (credentialHeaders.has(userHeader.toLowerCase())) issues.push({ path: at(where, 'user_header'), detail: `'${userHeader}' carries credentials; name another header` })
  }
  const providers = raw.providers === undefined ? undefined : readNames(raw.providers, at(where, 'providers'), 'provider', issues)
  providers?.forEach((provider, index) => {
    if (!providerNames.includes(provider as VirtualKeyProvider)) issues.push({ path: `${at(where, 'providers')}[${index}]`, detail: `expected one of ${providerNames.join('|')}` })
  })
  const models = raw.models === undefined ? undefined : readNames(raw.models, at(where, 'models'), 'model', issues)
  const created = readDate(raw.created, at(where, 'created'), issues)
  const expires = raw.expires === undefined ? undefined : readDate(raw.expires, at(where, 'expires'), issues)
  if (revoked !== undefined && typeof revoked !== 'boolean') issues.push({ path: at(where, 'revoked'), detail: 'expected true or false' })
  if (issues.length > before) return undefined
  return {
    id: id as string,
    hash: hash as string,
    attribution: attribution!,
    ...(userHeader === undefined ? {} : { userHeader: (userHeader as string).toLowerCase() }),
    ...(providers === undefined ? {} : { providers: providers as VirtualKeyProvider[] }),
    ...(models === undefined ? {} : { models }),
    created: created!,
    ...(expires === undefined ? {} : { expires }),
    ...(revoked === true ? { revoked } : {}),
  }
}

/**
 * Checks one keys-file entry (file spelling: `user_header`, ISO 8601 dates) and returns it, or
 * throws one {@link ConfigError} listing every problem under `where` (e.g. `attribution.team`).
 */
export function validateKeyEntry(raw: unknown, where = ''): VirtualKeyEntry {
  const issues: ConfigIssue[] = []
  const entry = readEntry(raw, where, issues)
  if (entry === undefined) throw new ConfigError(issues)
  return entry
}

function duplicateIssues(entries: readonly (VirtualKeyEntry | undefined)[], field: 'id' | 'hash'): ConfigIssue[] {
  const first = new Map<string, number>()
  const issues: ConfigIssue[] = []
  entries.forEach((entry, index) => {
    if (entry === undefined) return
    const seen = first.get(entry[field])
    if (seen === undefined) first.set(entry[field], index)
    else issues.push({ path: `keys[${index}].${field}`, detail: `duplicate ${field}${field === 'id' ? ` '${entry.id}'` : ''} (first used by keys[${seen}])` })
  })
  return issues
}

/**
 * Checks a parsed keys file (`{ keys: [...] }`) and returns its entries, or throws one
 * {@link ConfigError} listing every problem with its path (e.g. `keys[2].attribution.team`). Ids and
 * hashes must be unique; attribution follows core's `validateAttribution`; unknown fields are
 * rejected. No message quotes a hash or any value that could be a secret.
 */
export function validateKeysDocument(document: unknown): VirtualKeyEntry[] {
  if (!isPlainObject(document) || !Array.isArray(document.keys)) {
    throw new ConfigError({ path: 'keys', detail: 'expected a list of keys (`keys: []` for none)' })
  }
  const issues = unknownFieldIssues(document, documentFields, '')
  const entries = document.keys.map((raw: unknown, index) => readEntry(raw, `keys[${index}]`, issues))
  issues.push(...duplicateIssues(entries, 'id'), ...duplicateIssues(entries, 'hash'))
  if (issues.length > 0) throw new ConfigError(issues)
  return entries as VirtualKeyEntry[]
}
