import type { UsageRecord } from '@finops-ai/core'

const header = ['#', 'feature', 'operation', 'provider', 'model', 'stream', 'input', 'cached', 'output', 'cost', 'status'] as const

/** Renders usage records as a fixed-width text table with a total cost line. */
export function costTable(records: readonly UsageRecord[], currency: string): string {
  const rows = records.map((record, index) => [
    String(index + 1),
    record.attribution.feature ?? '(unallocated)',
    record.operation,
    record.provider,
    record.model,
    record.stream ? 'yes' : 'no',
    String(record.usage.inputTokens),
    String(record.usage.cacheReadTokens ?? 0),
    String(record.usage.outputTokens),
    record.status === 'denied' ? '-' : record.cost === null ? 'unknown' : record.cost.amount.toFixed(8),
    record.status === 'denied' ? `denied (${record.errorType})` : record.status,
  ])
  const titles = header.map((title) => (title === 'cost' ? `cost ${currency}` : title))
  const widths = titles.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)))
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()
  const totalNanos = records.reduce((sum, record) => sum + (record.cost?.usdNanos ?? 0), 0)
  const total = records.reduce((sum, record) => sum + (record.cost?.amount ?? 0), 0)
  return [
    line(titles),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `total ${total.toFixed(8)} ${currency} (${totalNanos} nano-USD) over ${records.length} calls`,
  ].join('\n')
}
