import type { Savings } from '../savings/savings-types.js'

/** One section of a savings report as a table, shared by the terminal and the HTML renderings. */
export interface SavingsTable {
  /** Anchor id of the section in the HTML report. */
  id: string
  title: string
  /** The figure of the section in words (`saving 0.2250 USD`), absent for informational sections. */
  headline?: string
  assumption: string
  header: string[]
  rows: string[][]
  /** Columns holding numbers (right-aligned). */
  numeric: ReadonlySet<number>
}

/** Rows of a table shown at most (the JSON output has them all). */
const shownRows = 20

const number = /^-?[\d,.]+%?$/
const percent = (share: number) => `${(share * 100).toFixed(1)}%`
const tokens = (count: number) => count.toLocaleString('en-US')

/** The sections of `savings` as tables, in reading order; amounts with 4 decimals. */
export function savingsTables(savings: Savings): SavingsTable[] {
  const money = (amount: number) => amount.toFixed(4)
  const total = (verb: string, amount: number) => `${verb} ${money(amount)} ${savings.currency}`
  const where = (row: { team: string; feature: string }) => [row.team, row.feature]
  const model = (row: { provider: string; model: string }) => `${row.provider}/${row.model}`
  const table = (id: string, title: string, section: { assumption: string; rows: object[] }, header: string[], rows: string[][], headline?: string): SavingsTable => ({
    id,
    title,
    assumption: section.assumption,
    header,
    rows: rows.slice(0, shownRows),
    numeric: new Set(header.map((_, index) => index).filter((index) => rows.length > 0 && rows.every((row) => number.test(row[index] ?? '')))),
    ...(headline === undefined ? {} : { headline }),
  })
  const spend = `spend ${savings.currency}`
  const saving = `saving ${savings.currency}`
  return [
    table('cached-input', 'Prompt caching: cached-input share', savings.cachedInput, ['team', 'feature', 'model', 'calls', 'input tokens', 'cache reads', 'share', spend],
      savings.cachedInput.rows.map((row) => [...where(row), model(row), String(row.calls), tokens(row.inputTokens), tokens(row.cacheReadTokens), percent(row.share), money(row.spend)])),
    table('unread-cache-writes', 'Prompt caching: cache writes never read back', savings.unreadCacheWrites, ['team', 'feature', 'model', 'writes', 'unread', 'unread tokens', `paid ${savings.currency}`, saving],
      savings.unreadCacheWrites.rows.map((row) => [...where(row), model(row), String(row.writes), String(row.unreadWrites), tokens(row.unreadTokens), money(row.unreadCost), money(row.saving)]),
      total('saving', savings.unreadCacheWrites.total)),
    table('automatic-caching', 'Prompt caching: uncached input where the provider caches automatically', savings.automaticCaching, ['team', 'feature', 'model', 'calls', 'uncached tokens', spend, `saving up to ${savings.currency}`],
      savings.automaticCaching.rows.map((row) => [...where(row), model(row), String(row.calls), tokens(row.uncachedTokens), money(row.spend), money(row.saving)]),
      total('saving up to', savings.automaticCaching.total)),
    table('batch', 'Batch / flex: non-interactive features at the standard tier', savings.batch, ['team', 'feature', 'model', 'calls', 'tiers', spend, saving],
      savings.batch.rows.map((row) => [...where(row), model(row), String(row.calls), row.tiers.join(','), money(row.spend), money(row.saving)]),
      total('saving', savings.batch.total)),
    table('right-sizing', 'Right-sizing: short outputs on an expensive model', savings.rightSizing, ['team', 'feature', 'model', 'calls', 'p95 output', 'cheaper sibling', spend, saving],
      savings.rightSizing.rows.map((row) => [...where(row), model(row), String(row.calls), tokens(row.p95OutputTokens), row.sibling, money(row.spend), money(row.saving)]),
      total('saving', savings.rightSizing.total)),
    table('downgrades', 'Downgrades already made by on_soft_limit', savings.downgrades, ['team', 'feature', 'requested model', 'calls', 'served by', spend, `saved ${savings.currency}`],
      savings.downgrades.rows.map((row) => [...where(row), `${row.provider}/${row.requestedModel}`, String(row.calls), row.model, money(row.spend), money(row.saved)]),
      total('saved', savings.downgrades.total)),
    table('response-cache', 'Response cache: calls answered without the provider', savings.responseCache, ['team', 'feature', 'calls', 'cache hits', 'hit rate', spend, `avoided ${savings.currency}`],
      savings.responseCache.rows.map((row) => [...where(row), String(row.calls), `${row.hits}${row.unpricedHits > 0 ? ` (${row.unpricedHits} unpriced)` : ''}`, percent(row.hitRate), money(row.spend), money(row.costAvoided)]),
      total('saved', savings.responseCache.total)),
    table('reasoning', 'Reasoning tokens', savings.reasoning, ['team', 'feature', 'calls', 'output tokens', 'reasoning tokens', 'share', spend, `reasoning ${savings.currency}`],
      savings.reasoning.rows.map((row) => [...where(row), String(row.calls), tokens(row.outputTokens), tokens(row.reasoningTokens), percent(row.share), money(row.spend), money(row.reasoningSpend)])),
    table('denials', 'Headroom: denied calls', savings.denials, ['team', 'feature', 'calls', 'denied', 'reasons'],
      savings.denials.rows.map((row) => [...where(row), String(row.calls), String(row.denied), Object.entries(row.reasons).map(([reason, count]) => `${reason} ${count}`).join(', ')])),
  ]
}
