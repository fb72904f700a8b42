import { formatScaled, parseDecimal } from '../focus/exact-decimal.js'
import type { FocusRow } from '../focus/focus-columns.js'
import type { Reconciliation } from './compare-report.js'
import { modelKey } from './model-key.js'

/** What {@link withProviderBilledCost} did. */
export interface ProviderBilledCost {
  rows: FocusRow[]
  /** Rows whose `BilledCost` and `EffectiveCost` now come from the provider's report. */
  replaced: number
}

const nanosOf = (decimal: string) => {
  const parsed = parseDecimal(decimal)
  return parsed === undefined ? 0n : parsed.value * 10n ** BigInt(9 - parsed.scale)
}

/**
 * FOCUS rows carrying the provider's billed cost next to our list cost, after a reconcile:
 * for each UTC day × model whose groups are all final, the provider's reported cost of the groups
 * the ledger has records in is shared out over that day's rows of the model in proportion to their
 * `BilledCost` (largest remainder, exact to the nano-dollar, so the rows add up to the report), and
 * written to `BilledCost` and `EffectiveCost`. `ListCost`, `ListUnitPrice`, `ContractedCost` and
 * `ContractedUnitPrice` keep the price table's figures. Rows of other days, models or providers,
 * and partial days, are unchanged. Shadow spend (provider-only groups) has no ledger rows and is
 * not added.
 */
export function withProviderBilledCost(rows: readonly FocusRow[], reconciliation: Reconciliation): ProviderBilledCost {
  const billed = new Map<string, { nanos: bigint; final: boolean }>()
  for (const group of reconciliation.groups) {
    const key = `${group.day} ${group.model}`
    const entry = billed.get(key) ?? { nanos: 0n, final: true }
    entry.final &&= group.final
    if (group.verdict !== 'provider-only') entry.nanos += BigInt(Math.round(group.provider.costUsd * 1e9))
    billed.set(key, entry)
  }
  const shares = new Map<string, number[]>()
  rows.forEach((row, index) => {
    if (row.x_Provider !== reconciliation.provider) return
    const key = `${String(row.ChargePeriodStart).slice(0, 10)} ${modelKey(String(row.x_Model))}`
    if (billed.get(key)?.final === true) shares.set(key, [...(shares.get(key) ?? []), index])
  })
  const result = [...rows]
  let replaced = 0
  for (const [key, indexes] of shares) {
    const total = billed.get(key)!.nanos
    const ours = indexes.map((index) => nanosOf(String(rows[index]!.BilledCost)))
    const sum = ours.reduce((a, b) => a + b, 0n)
    if (sum === 0n) continue
    const allocated = ours.map((nanos) => (total * nanos) / sum)
    let left = total - allocated.reduce((a, b) => a + b, 0n)
    const byRemainder = ours.map((nanos, position) => ({ position, remainder: (total * nanos) % sum })).sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.position - b.position))
    for (const { position } of byRemainder) {
      if (left === 0n) break
      allocated[position]! += 1n
      left -= 1n
    }
    indexes.forEach((index, position) => {
      const cost = formatScaled(allocated[position]!, 9)
      result[index] = { ...rows[index]!, BilledCost: cost, EffectiveCost: cost }
      replaced++
    })
  }
  return { rows: result, replaced }
}
