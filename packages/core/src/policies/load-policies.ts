import { readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { core } from 'zod'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { PolicyConfig, PolicyFileConfig } from './policy-config.js'
import { forbiddenKeyIssues } from './forbidden-keys.js'
import { isPolicySet, policySet, type Policy, type PolicySet } from './policy.js'
import { policyFileSchema } from './policy-schema.js'

/** Policies as accepted by `createFinOps({ policies })`: an array, a file object, a path to a `.yaml`/`.yml`/`.json` file, or already loaded. */
export type PolicySource = PolicyConfig[] | PolicyFileConfig | string | PolicySet

/** Default `maxWaitMs` of `onLimit: 'wait'`: 30 s. */
export const defaultMaxWaitMs = 30_000

/** Largest policy source accepted, file or text: 1 MiB (a policy file is a few KiB; a larger one is a mistake or an attack). */
export const MAX_POLICY_SOURCE_BYTES = 1_048_576

function tooLarge(name: string, bytes: number): ConfigError {
  return new ConfigError({ path: '', detail: `${name} is ${bytes} bytes; the limit is ${MAX_POLICY_SOURCE_BYTES} (1 MiB)` })
}

/** `policies[2].limits.budget.period` from `['policies', 2, 'limits', 'budget', 'period']`. */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else text += text === '' ? String(segment) : `.${String(segment)}`
  }
  return text
}

function readSource(path: string): unknown {
  const extension = extname(path).toLowerCase()
  if (extension !== '.yaml' && extension !== '.yml' && extension !== '.json') {
    throw new ConfigError({ path: '', detail: `policy file ${path} must end in .yaml, .yml or .json` })
  }
  let text: string
  try {
    const bytes = statSync(path).size
    if (bytes > MAX_POLICY_SOURCE_BYTES) throw tooLarge(`policy file ${path}`, bytes)
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (ConfigError.isInstance(error)) throw error
    throw new ConfigError({ path: '', detail: `cannot read policy file ${path}: ${(error as Error).message}` }, { cause: error })
  }
  return parsePolicyText(text, extension === '.json' ? 'json' : 'yaml', path)
}

/** Parses the text of a policy file; syntax errors and a text over {@link MAX_POLICY_SOURCE_BYTES} become a {@link ConfigError} naming the file. */
export function parsePolicyText(text: string, format: 'yaml' | 'json', name = 'policy file'): unknown {
  // UTF-16 length is at most the UTF-8 byte count: a cheap bound checked before any parsing.
  if (text.length > MAX_POLICY_SOURCE_BYTES) throw tooLarge(name, Buffer.byteLength(text))
  try {
    return format === 'json' ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    throw new ConfigError({ path: '', detail: `${name} is not valid ${format.toUpperCase()}: ${(error as Error).message}` }, { cause: error })
  }
}

function toIssues(issues: readonly core.$ZodIssue[]): ConfigIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatConfigPath([...issue.path, key]), detail: 'unknown field' }))
      : [{ path: formatConfigPath(issue.path), detail: issue.message }],
  )
}

function duplicateKeyIssues(policies: unknown): ConfigIssue[] {
  if (!Array.isArray(policies)) return []
  const firstIndex = new Map<string, number>()
  const issues: ConfigIssue[] = []
  policies.forEach((policy: unknown, index) => {
    const key = (policy as { key?: unknown } | null)?.key
    if (typeof key !== 'string') return
    const first = firstIndex.get(key)
    if (first === undefined) firstIndex.set(key, index)
    else issues.push({ path: `policies[${index}].key`, detail: `duplicate key '${key}' (first used by policies[${first}])` })
  })
  return issues
}

const policyIndexOf = (issue: ConfigIssue): number => Number(/^policies\[(\d+)\]/.exec(issue.path)?.[1] ?? -1)

/**
 * Validates policies once, at load: every problem is reported with its exact path in one
 * {@link ConfigError} (e.g. `policies[2].limits.budget.period: expected one of
 * hourly|daily|weekly|monthly|total`), and nothing is applied when any is found.
 *
 * `source` is an array of policies, an object `{ policies, onLimit?, maxWaitMs? }` (file-wide
 * defaults), a path to a `.yaml`, `.yml` or `.json` file (read synchronously), or a
 * {@link PolicySet} (returned as is). Policy keys must be unique; unknown fields are rejected.
 * Defaults: `onLimit` `'reject'`, `maxWaitMs` 30 000.
 */
export function loadPolicies(source: PolicySource): PolicySet {
  return loadPolicyFile(source).policies
}

/** What a policy source configures: its policies and, from a file, the engine's money settings. */
export interface LoadedPolicyFile {
  policies: PolicySet
  /** The file's `currency:`, upper case; absent when the file does not set it. */
  currency?: string
  /** The file's `exchange_rates:` (units per 1 USD, upper-case codes); absent when not set. */
  exchangeRates?: Readonly<Record<string, number>>
}

/**
 * {@link loadPolicies}, plus the file-level `currency:` and `exchange_rates:` (a {@link PolicySet}
 * or an array carries none). Validation and errors are those of {@link loadPolicies}.
 */
export function loadPolicyFile(source: PolicySource): LoadedPolicyFile {
  if (isPolicySet(source)) return { policies: source }
  const raw = typeof source === 'string' ? readSource(source) : source
  const document = Array.isArray(raw) ? { policies: raw } : raw
  const parsed = policyFileSchema.safeParse(document)
  const issues = [
    ...forbiddenKeyIssues(document),
    ...(parsed.success ? [] : toIssues(parsed.error.issues)),
    ...duplicateKeyIssues((document as { policies?: unknown } | null)?.policies),
  ]
  if (issues.length > 0 || !parsed.success) {
    const ordered = issues.map((issue, order) => ({ issue, order })).sort((a, b) => policyIndexOf(a.issue) - policyIndexOf(b.issue) || a.order - b.order)
    throw new ConfigError(ordered.map(({ issue }) => issue))
  }
  const onLimit = parsed.data.onLimit ?? 'reject'
  const maxWaitMs = parsed.data.maxWaitMs ?? defaultMaxWaitMs
  const policies = policySet(
    parsed.data.policies.map((policy): Policy => ({ ...policy, onLimit: policy.onLimit ?? onLimit, maxWaitMs: policy.maxWaitMs ?? maxWaitMs })),
  )
  const { currency, exchange_rates: exchangeRates } = parsed.data
  return { policies, ...(currency === undefined ? {} : { currency }), ...(exchangeRates === undefined ? {} : { exchangeRates }) }
}
