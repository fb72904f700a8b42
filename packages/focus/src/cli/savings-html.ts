import type { Savings } from '../savings/savings-types.js'
import { escapeHtml } from './escape-html.js'
import { savingsTables } from './savings-tables.js'
import { topCallRows, type TopCall } from './top-calls.js'

const row = (cells: readonly string[], tag: string, numeric: ReadonlySet<number>) =>
  `<tr>${cells.map((cell, index) => `<${tag}${numeric.has(index) ? ' class="number"' : ''}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`
const table = (header: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number>) =>
  `<table><thead>${row(header, 'th', numeric)}</thead><tbody>${rows.map((cells) => row(cells, 'td', numeric)).join('')}</tbody></table>`

/**
 * The HTML report's "Savings" section: per suggestion type its figure, the assumption in words
 * next to it, and its table (or "none found"); then what the ledger lacks. Tables only, no charts.
 */
export function savingsSection(savings: Savings): string {
  const parts = savingsTables(savings).map(
    (section) =>
      `<h3 id="savings-${section.id}">${escapeHtml(section.title)}${section.headline === undefined ? '' : `: <b>${escapeHtml(section.headline)}</b>`}</h3>` +
      `<p class="assumption">${escapeHtml(section.assumption)}</p>` +
      (section.rows.length === 0 ? '<p class="none">None found.</p>' : table(section.header, section.rows, section.numeric)),
  )
  const toRecord = `<h3>To record</h3><ul>${savings.toRecord.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`
  const unpriced = savings.unpriced > 0 ? `<p class="note">${savings.unpriced} calls (a model or its sibling unknown to the price data) are left out of the price comparisons.</p>` : ''
  return `<section id="savings"><h2>Savings (${escapeHtml(savings.currency)})</h2>${parts.join('')}${toRecord}${unpriced}</section>`
}

/** The HTML report's section listing the most expensive calls. */
export function topCallsSection(calls: readonly TopCall[], currency: string): string {
  const { header, rows } = topCallRows(calls, currency)
  return `<section id="top-calls"><h2>Most expensive calls</h2>${table(header, rows, new Set([5, 6, 7]))}</section>`
}
