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
