import type { UsageRow } from './provider-report.js'
import { addAmounts, emptyAmounts, inUsd, type UsdAmounts } from './usd-amounts.js'

/** How to bring spend that bypassed the ledger under control. */
export const SHADOW_SPEND_HINT =
  'wrap the client that makes these calls with withFinOps (@finops-ai/openai, @finops-ai/anthropic) or use @finops-ai/ai-sdk / @finops-ai/langchain'

/**
 * Provider-reported usage no ledger record matches, per project and API key: another service, an
 * unwrapped framework, a script or a leaked key.
 */
export interface ShadowSpend extends UsdAmounts {
  /** OpenAI project / Anthropic workspace, `null` when the report has none. */
  project: string | null
  apiKey: string | null
  /** Models used, sorted. */
  models: string[]
  /** UTC days with such usage, sorted. */
  days: string[]
  /** One line on how to cover it: {@link SHADOW_SPEND_HINT}. */
  hint: string
}

/** Sums unmatched provider rows per project and API key, largest cost first. */
export function shadowSpend(rows: readonly UsageRow[]): ShadowSpend[] {
  const byKey = new Map<string, { project: string | null; apiKey: string | null; models: Set<string>; days: Set<string>; amounts: ReturnType<typeof emptyAmounts> }>()
  for (const row of rows) {
    const id = JSON.stringify([row.project, row.apiKey])
    let entry = byKey.get(id)
    if (entry === undefined) {
      entry = { project: row.project, apiKey: row.apiKey, models: new Set(), days: new Set(), amounts: emptyAmounts() }
      byKey.set(id, entry)
    }
    entry.models.add(row.model)
    entry.days.add(row.day)
    addAmounts(entry.amounts, row)
  }
  return [...byKey.values()]
    .map((entry) => ({ project: entry.project, apiKey: entry.apiKey, models: [...entry.models].sort(), days: [...entry.days].sort(), ...inUsd(entry.amounts), hint: SHADOW_SPEND_HINT }))
    .sort((a, b) => b.costUsd - a.costUsd || String(a.project).localeCompare(String(b.project)) || String(a.apiKey).localeCompare(String(b.apiKey)))
}
