import type { UsageRecord } from '@finops-ai/core'
import { ledgerRow, type LedgerMapping } from './ledger-row.js'
import { matchGroups, type PriceDrift, type ReconcileDimension, type ReconcileGroup } from './match-groups.js'
import type { ProviderReport, UsageAmounts, UsageRow } from './provider-report.js'
import { shadowSpend, type ShadowSpend } from './shadow-spend.js'
import { addAmounts, differenceOf, emptyAmounts, inUsd, type UsdAmounts } from './usd-amounts.js'
import type { Tolerance, Verdict } from './verdict.js'

/** What happened to the ledger's records. */
export interface LedgerCounts {
  /** Records read. */
  read: number
  /** Records compared with the report. */
  compared: number
  /** Records of another provider. */
  otherProvider: number
  /** Records outside `[from, to)`. */
  outsideRange: number
  /** Denied calls (they never reached the provider). */
  denied: number
  /** Calls the response cache answered (they never reached the provider either). */
  cacheHits: number
  /** Compared records without a price: their cost counts as 0 and their groups read `ledger-low`. */
  unpriced: number
}

/** A price-drift finding: the group's keys and both effective prices. */
export type PriceDriftFinding = Pick<ReconcileGroup, 'day' | 'model' | 'project' | 'apiKey' | 'serviceTier'> & PriceDrift

/** The result of `reconcile`: every group with its verdict, the shadow spend and the price drift. */
export interface Reconciliation {
  provider: ProviderReport['provider']
  /** First day compared (ISO date-time, UTC). */
  from: string
  /** End of the range, exclusive. */
  to: string
  /** Buckets ending after this were partial when the report was read (ISO date-time). */
  completeThrough: string
  /** Keys compared besides day and model. */
  dimensions: ReconcileDimension[]
  tolerance: Required<Tolerance>
  /** Sorted by day, model and keys. */
  groups: ReconcileGroup[]
  /** Provider usage no ledger record matches, per project and API key, largest first. */
  shadowSpend: ShadowSpend[]
  /** Groups whose tokens agree and costs do not. */
  priceDrift: PriceDriftFinding[]
  totals: { provider: UsdAmounts; ledger: UsdAmounts; difference: UsdAmounts; shadow: UsdAmounts }
  /** Number of groups per verdict among FINAL groups (partial ones are counted in `partialGroups`). */
  verdicts: Record<Verdict, number>
  /** Groups whose day was not complete in the provider's report. */
  partialGroups: number
  ledger: LedgerCounts
}

/** Options of {@link compareReport}. */
export interface CompareOptions {
  from: Date
  to: Date
  ledger: LedgerMapping
  dimensions: ReconcileDimension[]
  tolerance: Required<Tolerance>
}

const VERDICTS: readonly Verdict[] = ['within-tolerance', 'ledger-high', 'ledger-low', 'provider-only', 'ledger-only']

/** Compares a fetched provider report with ledger records (see `reconcile`). */
export async function compareReport(report: ProviderReport, records: Iterable<UsageRecord> | AsyncIterable<UsageRecord>, options: CompareOptions): Promise<Reconciliation> {
  const counts: LedgerCounts = { read: 0, compared: 0, otherProvider: 0, outsideRange: 0, denied: 0, cacheHits: 0, unpriced: 0 }
  const ledgerRows: UsageRow[] = []
  const ledgerTotal = emptyAmounts()
  for await (const record of records) {
    counts.read++
    const at = Date.parse(record.startTime)
    if (record.provider !== report.provider) counts.otherProvider++
    else if (record.status === 'denied') counts.denied++
    else if (record.cacheHit !== undefined) counts.cacheHits++
    else if (at < options.from.getTime() || at >= options.to.getTime()) counts.outsideRange++
    else {
      counts.compared++
      if (record.cost === null) counts.unpriced++
      const row = ledgerRow(record, report.provider, options.ledger)
      addAmounts(ledgerTotal, row)
      ledgerRows.push(row)
    }
  }
  const { groups, unmatched } = matchGroups(report.rows, ledgerRows, { dimensions: options.dimensions, tolerance: options.tolerance, completeThrough: report.completeThrough })
  const providerTotal = emptyAmounts()
  for (const row of report.rows) addAmounts(providerTotal, row)
  const shadowTotal: UsageAmounts = emptyAmounts()
  for (const row of unmatched) addAmounts(shadowTotal, row)
  const verdicts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>
  for (const group of groups) if (group.final) verdicts[group.verdict]++
  return {
    provider: report.provider,
    from: options.from.toISOString(),
    to: options.to.toISOString(),
    completeThrough: report.completeThrough.toISOString(),
    dimensions: options.dimensions,
    tolerance: options.tolerance,
    groups,
    shadowSpend: shadowSpend(unmatched),
    priceDrift: groups.flatMap(({ day, model, project, apiKey, serviceTier, priceDrift }) =>
      priceDrift === null ? [] : [{ day, model, ...(project === undefined ? {} : { project }), ...(apiKey === undefined ? {} : { apiKey }), ...(serviceTier === undefined ? {} : { serviceTier }), ...priceDrift }],
    ),
    totals: { provider: inUsd(providerTotal), ledger: inUsd(ledgerTotal), difference: differenceOf(ledgerTotal, providerTotal), shadow: inUsd(shadowTotal) },
    verdicts,
    partialGroups: groups.filter((group) => !group.final).length,
    ledger: counts,
  }
}
