import { attributionValue } from '../attribution/attribution-value.js'
import type { Attribution } from '../attribution/attribution.js'
import type { CompiledPolicy } from './compiled-policy.js'

/** Finds the policies a call counts against without scanning every policy. */
export interface PolicyIndex {
  /** Matching policies in configuration order; the same empty array when none match. */
  match(attribution: Attribution): readonly CompiledPolicy[]
}

const none: readonly CompiledPolicy[] = Object.freeze([])

/**
 * Indexes policies once. A policy without `match` applies to every call. A policy with `match`
 * applies when EVERY listed attribution key carries one of its listed values (all-of; a missing
 * key never matches); it is indexed under its first match key and values, so a call only looks
 * at the policies whose first match entry it satisfies.
 */
export function createPolicyIndex(policies: readonly CompiledPolicy[]): PolicyIndex {
  const always: CompiledPolicy[] = []
  const anchored = new Map<string, Map<string, CompiledPolicy[]>>()
  for (const policy of policies) {
    const first = policy.match && Object.entries(policy.match)[0]
    if (!first) {
      always.push(policy)
      continue
    }
    const [key, values] = first
    let byValue = anchored.get(key)
    if (!byValue) anchored.set(key, (byValue = new Map()))
    for (const value of new Set(values)) {
      const list = byValue.get(value)
      if (list) list.push(policy)
      else byValue.set(value, [policy])
    }
  }
  const anchors = [...anchored.entries()]

  const matchesAll = (policy: CompiledPolicy, attribution: Attribution): boolean => {
    for (const key in policy.match) {
      const value = attributionValue(attribution, key)
      if (value === undefined || !policy.match[key]!.includes(value)) return false
    }
    return true
  }

  return {
    match(attribution) {
      let found: CompiledPolicy[] | undefined
      for (const [key, byValue] of anchors) {
        const value = attributionValue(attribution, key)
        const candidates = value === undefined ? undefined : byValue.get(value)
        if (!candidates) continue
        for (const policy of candidates) {
          if (matchesAll(policy, attribution)) (found ??= []).push(policy)
        }
      }
      if (!found) return always.length > 0 ? always : none
      found.push(...always)
      return found.sort((a, b) => a.position - b.position)
    },
  }
}
