import type { UsageRecord } from '@finops-ai/core'
import { formatAmount } from './format-amount.js'

/** One call of the demo: the API it used (e.g. `responses`) and its usage record. */
export interface DemoCall {
  api: string
  record: UsageRecord
}

const columns = ['#', 'api', 'user', 'team', 'feature', 'costCenter', 'model', 'input', 'cached', 'output'] as const

/**
 * Renders calls as a fixed-width text table with attribution, tokens, cost in the engine `currency`
 * and status, then a total line in the engine currency and, exactly, in USD.
 */
export function usageTable(calls: readonly DemoCall[], currency: string): string {
  const rows = calls.map(({ api, record }, index) => [
    String(index + 1),
    api,
    record.attribution.user ?? '-',
    record.attribution.team ?? '-',
    record.attribution.feature ?? '(unallocated)',
    record.attribution.costCenter ?? '-',
    record.model,
    String(record.usage.inputTokens),
    String(record.usage.cacheReadTokens ?? 0),
    String(record.usage.outputTokens),
    record.status === 'denied' ? '-' : record.cost === null ? 'unknown' : formatAmount(record.cost.amount),
    record.status === 'denied' ? `denied (${record.errorType}), not sent` : record.status,
  ])
  const header = [...columns, `cost ${currency}`, 'status']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)))
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()
  const totalNanos = calls.reduce((sum, { record }) => sum + (record.cost?.usdNanos ?? 0), 0)
  const total = calls.reduce((sum, { record }) => sum + (record.cost?.amount ?? 0), 0)
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `total ${formatAmount(total)} ${currency} (exactly ${formatAmount(totalNanos / 1e9)} USD = ${totalNanos} nano-USD) over ${calls.length} calls`,
  ].join('\n')
}
