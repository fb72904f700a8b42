import { escapeHtml } from '../cli/escape-html.js'
import type { Reconciliation } from './compare-report.js'
import { DIMENSION_TITLES, dimensionCells, signed, usd, VERDICT_LABELS } from './render-reconciliation.js'
import { SHADOW_SPEND_HINT } from './shadow-spend.js'

/** Groups shown in the page; the JSON output has them all. */
const MAX_GROUPS = 200

const row = (cells: readonly string[], tag = 'td', attributes = '') => `<tr${attributes}>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`
const table = (head: readonly string[], rows: readonly string[]) => `<table><thead>${row(head, 'th')}</thead><tbody>${rows.join('')}</tbody></table>`

/**
 * The HTML report's section for a `reconcile` result: totals, one row per group (verdicts coloured,
 * partial days marked), the shadow spend per project and API key with how to cover it, and the
 * price drift. Tables only, no charts.
 */
export function reconciliationSection(reconciliation: Reconciliation): string {
  const dimensions = reconciliation.dimensions.map((dimension) => DIMENSION_TITLES[dimension])
  const { totals } = reconciliation
  const groups = reconciliation.groups.slice(0, MAX_GROUPS).map((group) =>
    row(
      [
        `${group.day}${group.final ? '' : ' (partial)'}`,
        group.model,
        ...dimensionCells(reconciliation, group),
        String(group.provider.inputTokens + group.provider.outputTokens),
        usd(group.provider.costUsd),
        String(group.ledger.inputTokens + group.ledger.outputTokens),
        usd(group.ledger.costUsd),
        signed(group.difference.costUsd, usd),
        VERDICT_LABELS[group.verdict],
      ],
      'td',
      ` class="verdict-${group.verdict}${group.final ? '' : ' partial'}"`,
    ),
  )
  const more = reconciliation.groups.length > MAX_GROUPS ? `<p class="note">${reconciliation.groups.length - MAX_GROUPS} more groups in the JSON output.</p>` : ''
  const shadow =
    reconciliation.shadowSpend.length === 0
      ? ''
      : `<h3>Shadow spend: provider usage without ledger records</h3>${table(
          ['project', 'api key', 'models', 'days', 'requests', 'tokens', 'USD'],
          reconciliation.shadowSpend.map((entry) => row([entry.project ?? '(none)', entry.apiKey ?? '(none)', entry.models.join(', '), entry.days.join(', '), String(entry.requests), String(entry.inputTokens + entry.outputTokens), usd(entry.costUsd)])),
        )}<p class="note">To cover it: ${escapeHtml(SHADOW_SPEND_HINT)}.</p>`
  const drift =
    reconciliation.priceDrift.length === 0
      ? ''
      : `<h3>Price drift: tokens agree, costs do not (USD per million tokens)</h3>${table(
          ['day', 'model', ...dimensions, 'provider', 'ledger'],
          reconciliation.priceDrift.map((finding) => row([finding.day, finding.model, ...dimensionCells(reconciliation, finding), String(finding.providerUsdPerMillionTokens), String(finding.ledgerUsdPerMillionTokens)])),
        )}`
  return (
    `<section id="reconciliation"><h2>Reconciliation with the ${escapeHtml(reconciliation.provider)} bill, ${escapeHtml(reconciliation.from.slice(0, 10))} – ${escapeHtml(reconciliation.to.slice(0, 10))}</h2>` +
    `<div class="kpis"><div class="kpi">Provider<b>${usd(totals.provider.costUsd)} USD</b></div><div class="kpi">Ledger<b>${usd(totals.ledger.costUsd)} USD</b></div>` +
    `<div class="kpi">Difference<b>${signed(totals.difference.costUsd, usd)} USD</b></div><div class="kpi">Shadow spend<b>${usd(totals.shadow.costUsd)} USD</b></div></div>` +
    `<p>Report complete through ${escapeHtml(reconciliation.completeThrough)}; partial days may still grow. Tolerance ${reconciliation.tolerance.relative * 100}%.</p>` +
    table(['day', 'model', ...dimensions, 'provider tokens', 'provider USD', 'ledger tokens', 'ledger USD', 'Δ USD', 'verdict'], groups) +
    more +
    shadow +
    drift +
    '</section>'
  )
}
