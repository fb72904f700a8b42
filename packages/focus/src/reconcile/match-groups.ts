import type { UsageAmounts, UsageRow } from './provider-report.js'
import { addAmounts, differenceOf, emptyAmounts, inUsd, type UsdAmounts } from './usd-amounts.js'
import { judge, type Tolerance, type Verdict } from './verdict.js'

/** Keys a group can have besides UTC day and model. */
export type ReconcileDimension = 'project' | 'apiKey' | 'serviceTier'

/** Effective prices of a group whose tokens agree and whose costs do not: a stale or wrong price table. */
export interface PriceDrift {
  /** Provider cost per million input + output tokens, USD (rounded to 1e-6). */
  providerUsdPerMillionTokens: number
  /** Ledger cost per million input + output tokens, USD (rounded to 1e-6). */
  ledgerUsdPerMillionTokens: number
}

/** Both sides of one UTC day × model (× project × API key × tier, by the dimensions compared). */
export interface ReconcileGroup {
  /** `YYYY-MM-DD` (UTC). */
  day: string
  model: string
  /** Present when `project` is a dimension; `null` for usage outside any project / workspace. */
  project?: string | null
  /** Present when `apiKey` is a dimension. */
  apiKey?: string | null
  /** Present when `serviceTier` is a dimension. */
  serviceTier?: string | null
  /** The provider's bucket for this day was complete when the report was read; a partial one may still grow. */
  final: boolean
  provider: UsdAmounts
  ledger: UsdAmounts
  /** `ledger − provider`. */
  difference: UsdAmounts
  verdict: Verdict
  /** Set when tokens agree and costs do not. */
  priceDrift: PriceDrift | null
}

/** Options of {@link matchGroups}. */
export interface MatchOptions {
  dimensions: readonly ReconcileDimension[]
  tolerance: Required<Tolerance>
  /** Buckets ending after this are partial. */
  completeThrough: Date
}

interface Side {
  keys: Pick<ReconcileGroup, 'day' | 'model' | 'project' | 'apiKey' | 'serviceTier'>
  provider?: UsageAmounts
  ledger?: UsageAmounts
  providerRows: UsageRow[]
}

const DAY_MS = 86_400_000
const perMillion = (amounts: UsageAmounts) => Math.round((amounts.costNanos / (amounts.inputTokens + amounts.outputTokens)) * 1000) / 1e6

function keysOf(row: UsageRow, dimensions: readonly ReconcileDimension[]): Side['keys'] {
  const keys: Side['keys'] = { day: row.day, model: row.model }
  for (const dimension of dimensions) keys[dimension] = row[dimension]
  return keys
}

/**
 * Groups provider and ledger rows on day, model and `dimensions`, and judges each group. Returns
 * the groups sorted by day, model and keys, and the provider rows of `provider-only` groups with
 * their own project and API key (the spend that bypassed the ledger).
 */
export function matchGroups(providerRows: readonly UsageRow[], ledgerRows: Iterable<UsageRow>, options: MatchOptions): { groups: ReconcileGroup[]; unmatched: UsageRow[] } {
  const sides = new Map<string, Side>()
  const sideOf = (row: UsageRow) => {
    const keys = keysOf(row, options.dimensions)
    const id = JSON.stringify(Object.values(keys))
    let side = sides.get(id)
    if (side === undefined) {
      side = { keys, providerRows: [] }
      sides.set(id, side)
    }
    return side
  }
  for (const row of providerRows) {
    const side = sideOf(row)
    side.provider ??= emptyAmounts()
    addAmounts(side.provider, row)
    side.providerRows.push(row)
  }
  for (const row of ledgerRows) {
    const side = sideOf(row)
    side.ledger ??= emptyAmounts()
    addAmounts(side.ledger, row)
  }
  const groups: ReconcileGroup[] = []
  const unmatched: UsageRow[] = []
  const ordered = [...sides.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [, side] of ordered) {
    const judgement = judge(side.provider, side.ledger, options.tolerance)
    const provider = side.provider ?? emptyAmounts()
    const ledger = side.ledger ?? emptyAmounts()
    if (judgement.verdict === 'provider-only') unmatched.push(...side.providerRows)
    const drift = judgement.tokensAgree && !judgement.costAgree && provider.inputTokens + provider.outputTokens > 0
    groups.push({
      ...side.keys,
      final: Date.parse(`${side.keys.day}T00:00:00Z`) + DAY_MS <= options.completeThrough.getTime(),
      provider: inUsd(provider),
      ledger: inUsd(ledger),
      difference: differenceOf(ledger, provider),
      verdict: judgement.verdict,
      priceDrift: drift ? { providerUsdPerMillionTokens: perMillion(provider), ledgerUsdPerMillionTokens: perMillion(ledger) } : null,
    })
  }
  return { groups, unmatched }
}
