import type { UsageRecord } from '@finops-ai/core'

/** Converts a record's amounts into the currency of a report. */
export interface ReportCurrency {
  /** ISO 4217 code, upper case. */
  readonly code: string
  /** `usdNanos` (nano-USD) of a figure computed for `record`, in the report currency. */
  convert(record: UsageRecord, usdNanos: number): number
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
  }
}
