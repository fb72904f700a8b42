import type { MatchLogic } from '@pydantic/genai-prices'

/**
 * Whether `modelId` satisfies genai-prices' `match` logic, with genai-prices' own semantics:
 * `equals`/`starts_with`/`ends_with`/`contains` compare case-insensitively, `regex` is tested
 * against the lower-cased id (as genai-prices' `calcPrice` does), `or`/`and` combine.
 * Runs only while resolving a (provider, model) for the first time.
 */
export function matchesModel(logic: MatchLogic, modelId: string): boolean {
  if ('or' in logic) return logic.or.some((inner) => matchesModel(inner, modelId))
  if ('and' in logic) return logic.and.every((inner) => matchesModel(inner, modelId))
  const id = modelId.toLowerCase()
  if ('equals' in logic) return id === logic.equals.toLowerCase()
  if ('starts_with' in logic) return id.startsWith(logic.starts_with.toLowerCase())
  if ('ends_with' in logic) return id.endsWith(logic.ends_with.toLowerCase())
  if ('contains' in logic) return id.includes(logic.contains.toLowerCase())
  if ('regex' in logic) return new RegExp(logic.regex).test(id)
  return false
}

/** The leaf rule (`equals`, `starts_with`, …) of `logic` that `modelId` satisfies first, if any. */
export function matchingRule(logic: MatchLogic, modelId: string): MatchLogic | undefined {
  if ('or' in logic) {
    for (const inner of logic.or) {
      const rule = matchingRule(inner, modelId)
      if (rule) return rule
    }
    return undefined
  }
  if ('and' in logic) return matchesModel(logic, modelId) ? logic : undefined
  return matchesModel(logic, modelId) ? logic : undefined
}

const snapshotSuffix = /(?:[-@]\d{8}|-\d{4}-\d{2}-\d{2}|-latest|-v\d+(?::\d+)?)$/

/**
 * Whether `rule` matched `modelId` only as a newer or unlisted sibling: a `starts_with` prefix
 * followed by more version (`claude-sonnet-5` matching `claude-sonnet-5-5` or `claude-sonnet-5.1`).
 * A dated snapshot (`-20250514`, `-2025-05-14`, `@20250514`), `-latest` or a `-v1:0` suffix is the
 * same model, not a sibling; `equals`, `regex` and other rules are exact.
 */
export function isSiblingMatch(rule: MatchLogic, modelId: string): boolean {
  if (!('starts_with' in rule)) return false
  const id = modelId.toLowerCase().replace(snapshotSuffix, '')
  const prefix = rule.starts_with.toLowerCase()
  if (!id.startsWith(prefix)) return false
  return /^[-.]?\d/.test(id.slice(prefix.length))
}
