import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { core } from 'zod'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { PolicyConfig, PolicyFileConfig } from './policy-config.js'
import { isPolicySet, policySet, type Policy, type PolicySet } from './policy.js'
import { policyFileSchema } from './policy-schema.js'

/** Policies as accepted by `createFinOps({ policies })`: an array, a file object, a path to a `.yaml`/`.yml`/`.json` file, or already loaded. */
export type PolicySource = PolicyConfig[] | PolicyFileConfig | string | PolicySet

/** Default `maxWaitMs` of `onLimit: 'wait'`: 30 s. */
export const defaultMaxWaitMs = 30_000

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
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError({ path: '', detail: `cannot read policy file ${path}: ${(error as Error).message}` }, { cause: error })
  }
  return parsePolicyText(text, extension === '.json' ? 'json' : 'yaml', path)
}

/** Parses the text of a policy file; syntax errors become a {@link ConfigError} naming the file. */
export function parsePolicyText(text: string, format: 'yaml' | 'json', name = 'policy file'): unknown {
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
  if (isPolicySet(source)) return source
  const raw = typeof source === 'string' ? readSource(source) : source
  const document = Array.isArray(raw) ? { policies: raw } : raw
  const parsed = policyFileSchema.safeParse(document)
  const issues = [
    ...(parsed.success ? [] : toIssues(parsed.error.issues)),
    ...duplicateKeyIssues((document as { policies?: unknown } | null)?.policies),
  ]
  if (issues.length > 0 || !parsed.success) {
    const ordered = issues.map((issue, order) => ({ issue, order })).sort((a, b) => policyIndexOf(a.issue) - policyIndexOf(b.issue) || a.order - b.order)
    throw new ConfigError(ordered.map(({ issue }) => issue))
  }
  const onLimit = parsed.data.onLimit ?? 'reject'
  const maxWaitMs = parsed.data.maxWaitMs ?? defaultMaxWaitMs
  return policySet(
    parsed.data.policies.map((policy): Policy => ({ ...policy, onLimit: policy.onLimit ?? onLimit, maxWaitMs: policy.maxWaitMs ?? maxWaitMs })),
  )
}
