import type { PriceOptions, ResolvedPrice, UsageRecord } from '@finops-ai/core'
import type { SavingsSection } from './savings-types.js'

/** One record as every analysis of `savings()` sees it. */
export interface SavingsCall {
  record: UsageRecord
  /** Attribution `team` and `feature`, `(none)` when missing. */
  team: string
  feature: string
  /** The record's cost in the report currency (0 when unpriced). */
  spend: number
  /** The price of the record's model at its start time, `null` when the price book does not know it. */
  price: ResolvedPrice | null
  /** The record's service tier as a price option. */
  tier: PriceOptions
  /** The price of another model of the same provider at the record's start time (`null` when unknown: the call counts as unpriced). */
  priceOf(model: string): ResolvedPrice | null
  /** nano-USD of a figure of this record in the report currency. */
  convert(usdNanos: number): number
}

/** One suggestion type: fed every record of the analysis, then asked for its section. */
export interface SavingsAccumulator<Row> {
  add(call: SavingsCall): void
  result(): SavingsSection<Row>
}

/** Rows keyed by their group values, created on first use. */
export function rowMap<Row>(create: (key: readonly string[]) => Row): { get(...key: string[]): Row; rows(): Row[] } {
  const rows = new Map<string, Row>()
  return {
    get(...key) {
      const id = key.join('\u0000')
      let row = rows.get(id)
      if (row === undefined) rows.set(id, (row = create(key)))
      return row
    },
    rows: () => [...rows.values()],
  }
}

/** A section whose rows are sorted by `amount`, largest first, with their sum as the total. */
export function section<Row>(assumption: string, rows: Row[], amount: (row: Row) => number): SavingsSection<Row> {
  rows.sort((a, b) => amount(b) - amount(a))
  return { assumption, rows, total: rows.reduce((sum, row) => sum + amount(row), 0) }
}

/** Femto-USD (price-book unit rates × tokens) to nano-USD. */
export const femtoToNanos = (femto: number) => Math.round(femto / 1e6)
