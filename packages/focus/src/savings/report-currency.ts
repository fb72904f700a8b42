import type { UsageRecord, UsageRecordCost } from '@finops-ai/core'

/** Converts a record's amounts into the currency of a report. */
export interface ReportCurrency {
  /** ISO 4217 code, upper case. */
  readonly code: string
  /** `usdNanos` (nano-USD) of a figure computed for `record`, in the report currency. */
  convert(record: UsageRecord, usdNanos: number): number
  /**
   * A cost the engine computed for `record` other than `record.cost` (such as a response-cache
   * hit's `costAvoided`) in the report currency: exact in USD, with `rate` when given, else its own
   * amount when it is in the report currency; otherwise throws like `convert`.
   */
  costOf(record: UsageRecord, cost: UsageRecordCost): number
}

/**
 * USD is exact (nano-USD / 1e9). Another currency uses `rate` (units per USD) when given, else the
 * rate the record was priced at when its cost is in that currency (`cost.amount / cost.usdNanos`);
 * otherwise it throws an `Error` naming the record and the flag that fixes it.
 */
export function reportCurrency(code: string, rate?: number): ReportCurrency {
  const currency = code.toUpperCase()
  return {
    code: currency,
    convert(record, usdNanos) {
      if (currency === 'USD') return usdNanos / 1e9
      if (rate !== undefined) return (usdNanos / 1e9) * rate
      const cost = record.cost
      if (cost !== null && cost.currency?.toUpperCase() === currency) return cost.usdNanos === 0 ? 0 : (usdNanos * cost.amount) / cost.usdNanos
      throw new Error(`record ${record.id} is priced in ${cost?.currency ?? 'no currency'}; pass --rate <${currency} per USD> to report in ${currency}`)
    },
    costOf(record, cost) {
      if (currency === 'USD') return cost.usdNanos / 1e9
      if (rate !== undefined) return (cost.usdNanos / 1e9) * rate
      if (cost.currency?.toUpperCase() === currency) return cost.amount
      throw new Error(`record ${record.id} is priced in ${cost.currency}; pass --rate <${currency} per USD> to report in ${currency}`)
    },
  }
}
