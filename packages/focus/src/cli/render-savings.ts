import type { Savings } from '../savings/savings-types.js'
import { renderTable } from './render-table.js'
import { savingsTables } from './savings-tables.js'

/** `text` wrapped at `width` columns, every line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent + word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return [...lines, line].join('\n')
}

/** The terminal rendering of `finops-ai savings`: each section's headline, its assumption, its table; then what to record. */
export function renderSavings(savings: Savings): string {
  const scope = [savings.team === undefined ? '' : `team ${savings.team}`, savings.feature === undefined ? '' : `feature ${savings.feature}`].filter(Boolean).join(', ')
  const parts = [`Savings${scope === '' ? '' : ` for ${scope}`}: ${savings.calls} calls, ${savings.spend.toFixed(4)} ${savings.currency} spent\n`]
  for (const table of savingsTables(savings)) {
    const heading = `${table.title}${table.headline === undefined ? '' : `: ${table.headline}`}`
    const body = table.rows.length === 0 ? 'none found\n' : renderTable(table.header, table.rows, table.numeric)
    parts.push(`${heading}\n${wrap(`assumption: ${table.assumption}`, 100, '  ')}\n${body}`)
  }
  parts.push(`To record:\n${savings.toRecord.map((note) => `- ${wrap(note, 98, '  ')}`).join('\n')}\n`)
  if (savings.unpriced > 0) parts.push(`unpriced: ${savings.unpriced} calls (a model or its sibling unknown to the price data) are left out of the price comparisons\n`)
  return parts.join('\n')
}
