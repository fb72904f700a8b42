import { closestName } from '../errors/closest-name.js'
import type { ConfigIssue } from '../errors/config-error.js'
import type { PolicySet } from './policy.js'

const letters = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/** The known key that `key` spells with separators or a suffix such as `-id` (`user-id` → `user`, `cost_center_code` → `costCenter`). */
function withoutSuffix(key: string, known: ReadonlySet<string>): string | undefined {
  const spelled = letters(key)
  for (const candidate of known) if (spelled.startsWith(letters(candidate))) return candidate
  return undefined
}

/**
 * One issue per `per:` or `match:` key of `policies` that is not in `known`, with a "did you mean"
 * when a known key is close (`per: user-id` → `did you mean 'user'?`) and `declare` telling how to
 * declare a custom key. Such a key is a mistake more often than not: `per: usr` would put every user
 * on one shared counter and `match: { 'cost-center': x }` would never match.
 */
export function scopeKeyIssues(policies: readonly PolicySet[number][], known: ReadonlySet<string>, declare: string): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const check = (path: string, key: string): void => {
    if (known.has(key)) return
    const suggestion = closestName(key, known) ?? withoutSuffix(key, known)
    issues.push({
      path,
      detail: `'${key}' is not a known attribution key (${[...known].join(', ')})${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`} ${declare}`,
    })
  }
  policies.forEach((policy, index) => {
    for (const key of Object.keys(policy.match ?? {})) check(`policies[${index}].match.${key}`, key)
    if (policy.per !== undefined) check(`policies[${index}].per`, policy.per)
  })
  return issues
}
