import { renderTable } from '../cli/render-table.js'
import type { Reconciliation } from './compare-report.js'
import type { ReconcileDimension, ReconcileGroup } from './match-groups.js'
import { SHADOW_SPEND_HINT } from './shadow-spend.js'
import type { Verdict } from './verdict.js'

/** Column titles of the dimensions. */
export const DIMENSION_TITLES: Readonly<Record<ReconcileDimension, string>> = { project: 'project', apiKey: 'api key', serviceTier: 'tier' }

/** Verdicts as people read them. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  'within-tolerance': 'within tolerance',
  'ledger-high': 'ledger high',
  'ledger-low': 'ledger low',
  'provider-only': 'provider only',
  'ledger-only': 'ledger only',
}

/** USD with 6 decimals. */
export const usd = (amount: number): string => amount.toFixed(6)
/** A signed difference: `+0.001500`, `-12`, `0`. */
export const signed = (value: number, format: (value: number) => string = String): string => (value > 0 ? `+${format(value)}` : value === 0 ? format(0) : format(value))
/** A key that may be `null`. */
export const keyText = (value: string | null | undefined): string => value ?? '(none)'

/** The dimension cells of a group. */
export const dimensionCells = (reconciliation: Reconciliation, group: Pick<ReconcileGroup, ReconcileDimension>): string[] =>
  reconciliation.dimensions.map((dimension) => keyText(group[dimension]))

/**
 * The reconciliation as plain text: a header saying which buckets are final, one row per group
 * (a partial day marked `*`), the shadow spend per project and API key with how to cover it, the
 * price drift, and the totals.
 */
export function renderReconciliation(reconciliation: Reconciliation): string {
  const { tolerance } = reconciliation
  const dimensions = reconciliation.dimensions.map((dimension) => DIMENSION_TITLES[dimension])
  const lines: string[] = [
    `${reconciliation.provider} usage and cost report vs ledger, ${reconciliation.from.slice(0, 10)} to ${reconciliation.to.slice(0, 10)} (exclusive), by day, model${dimensions.map((title) => `, ${title}`).join('')}`,
    `tolerance ${tolerance.relative * 100}% (at least ${tolerance.absoluteUsd} USD); report complete through ${reconciliation.completeThrough}: days marked * are partial and may still grow`,
    '',
  ]
  const rows = reconciliation.groups.map((group) => [
    `${group.day}${group.final ? '' : '*'}`,
    group.model,
    ...dimensionCells(reconciliation, group),
    String(group.provider.inputTokens + group.provider.outputTokens),
    usd(group.provider.costUsd),
    String(group.ledger.inputTokens + group.ledger.outputTokens),
    usd(group.ledger.costUsd),
    signed(group.difference.inputTokens + group.difference.outputTokens),
    signed(group.difference.costUsd, usd),
    VERDICT_LABELS[group.verdict],
  ])
  const first = 2 + dimensions.length
  const numbers = new Set([0, 1, 2, 3, 4, 5].map((offset) => first + offset))
  lines.push(renderTable(['day', 'model', ...dimensions, 'provider tokens', 'provider USD', 'ledger tokens', 'ledger USD', 'Δ tokens', 'Δ USD', 'verdict'], rows, numbers))
  if (reconciliation.shadowSpend.length > 0) {
    lines.push('Shadow spend: provider usage without ledger records')
    const shadow = reconciliation.shadowSpend.map((entry) => [keyText(entry.project), keyText(entry.apiKey), entry.models.join(','), entry.days.join(','), String(entry.requests), String(entry.inputTokens + entry.outputTokens), usd(entry.costUsd)])
    lines.push(renderTable(['project', 'api key', 'models', 'days', 'requests', 'tokens', 'USD'], shadow, new Set([4, 5, 6])))
    lines.push(`To cover it: ${SHADOW_SPEND_HINT}.`, '')
  }
  if (reconciliation.priceDrift.length > 0) {
    lines.push('Price drift: tokens agree, costs do not (USD per million input + output tokens)')
    const drift = reconciliation.priceDrift.map((finding) => [finding.day, finding.model, ...dimensionCells(reconciliation, finding), String(finding.providerUsdPerMillionTokens), String(finding.ledgerUsdPerMillionTokens)])
    lines.push(renderTable(['day', 'model', ...dimensions, 'provider', 'ledger'], drift, new Set([first, first + 1])))
  }
  const { totals, verdicts } = reconciliation
  lines.push(
    `total: provider ${usd(totals.provider.costUsd)} USD, ledger ${usd(totals.ledger.costUsd)} USD, difference ${signed(totals.difference.costUsd, usd)} USD; shadow spend ${usd(totals.shadow.costUsd)} USD`,
    `final groups: ${(Object.keys(VERDICT_LABELS) as Verdict[]).map((verdict) => `${verdicts[verdict]} ${VERDICT_LABELS[verdict]}`).join(', ')}; ${reconciliation.partialGroups} partial`,
  )
  if (reconciliation.ledger.unpriced > 0) lines.push(`unpriced: ${reconciliation.ledger.unpriced} ledger calls had no known price and count as 0`)
  return `${lines.join('\n')}\n`
}
