import { femtoToNanos, rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { UnreadCacheWriteRow } from './savings-types.js'

/** Prompt-cache TTLs of Anthropic's two cache-write prices (default and extended). */
const ttlMs = { default: 5 * 60_000, extended: 60 * 60_000 }

interface CacheWrite {
  row: UnreadCacheWriteRow
  start: number
  /** Latest start of a call that can still read it: the writing call's end plus the TTL. */
  readableUntil: number
  tokens: number
  /** nano-USD paid for the write, in the report currency. */
  cost: number
  /** Its premium over uncached input, in the report currency. */
  premium: number
}

/** Index of the first element of sorted `values` greater than `value`. */
function firstAfter(values: readonly number[], value: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle]! <= value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Prompt-cache writes (5-minute and 1-hour TTL) that no later call of the same provider, feature
 * and model read back: a call counts as reading them when it reports cache reads and starts after
 * the writing call started and at most the TTL after it ended. Memory grows with cache writes and
 * cache reads only.
 */
export function unreadCacheWrites(): SavingsAccumulator<UnreadCacheWriteRow> {
  const assumption =
    'Approximation: a cache write counts as read back when a later call of the same provider, feature and model reports cache reads ' +
    'and starts at most the TTL (5 min, or 1 h for extended writes) after the writing call ended; the ledger does not identify prompt prefixes, ' +
    'so a read of another prefix counts too and the unread figures are a lower bound (among the analysed calls). Saving: the write premium over uncached input ' +
    '(Anthropic: 1.25× or 2× the input price), as priced by the price book; the tokens themselves were needed anyway.'
  const groups = rowMap<UnreadCacheWriteRow>(([team, feature, provider, model]) => ({
    team: team!, feature: feature!, provider: provider!, model: model!, writes: 0, unreadWrites: 0, unreadTokens: 0, unreadCost: 0, saving: 0,
  }))
  const writes = new Map<string, CacheWrite[]>()
  const reads = new Map<string, number[]>()
  return {
    add({ record, team, feature, price, tier, convert }) {
      const usage = record.usage
      if (record.status === 'denied') return
      const scope = `${record.provider}\u0000${feature}\u0000${record.model}`
      const start = Date.parse(record.startTime)
      if ((usage.cacheReadTokens ?? 0) > 0) {
        let starts = reads.get(scope)
        if (starts === undefined) reads.set(scope, (starts = []))
        starts.push(start)
      }
      if (price === null) return
      const rates = price.unitRates(usage.inputTokens, tier)
      const parts = [
        { tokens: usage.cacheWriteTokens ?? 0, rate: rates.cacheWrite, ttl: ttlMs.default },
        { tokens: usage.cacheWrite1hTokens ?? 0, rate: rates.cacheWrite1h, ttl: ttlMs.extended },
      ]
      for (const part of parts) {
        if (part.tokens === 0) continue
        const row = groups.get(team, feature, record.provider, record.model)
        row.writes++
        let list = writes.get(scope)
        if (list === undefined) writes.set(scope, (list = []))
        list.push({
          row,
          start,
          readableUntil: start + record.durationMs + part.ttl,
          tokens: part.tokens,
          cost: convert(femtoToNanos(part.tokens * part.rate)),
          premium: convert(femtoToNanos(part.tokens * (part.rate - rates.input))),
        })
      }
    },
    result() {
      for (const [scope, list] of writes) {
        const starts = (reads.get(scope) ?? []).sort((a, b) => a - b)
        for (const write of list) {
          const next = starts[firstAfter(starts, write.start)]
          if (next !== undefined && next <= write.readableUntil) continue
          write.row.unreadWrites++
          write.row.unreadTokens += write.tokens
          write.row.unreadCost += write.cost
          write.row.saving += write.premium
        }
      }
      return section(assumption, groups.rows(), (row) => row.saving)
    },
  }
}
