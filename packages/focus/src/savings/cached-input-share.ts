import { rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { CachedInputRow } from './savings-types.js'

const assumption = 'Share of input tokens served from the prompt cache (cache reads / all input tokens) of calls that ran; informational.'

/** Cached-input share per team, feature and model. */
export function cachedInputShare(): SavingsAccumulator<CachedInputRow> {
  const groups = rowMap<CachedInputRow>(([team, feature, provider, model]) => ({
    team: team!, feature: feature!, provider: provider!, model: model!, calls: 0, spend: 0, inputTokens: 0, cacheReadTokens: 0, share: 0,
  }))
  return {
    add({ record, team, feature, spend }) {
      if (record.status === 'denied' || record.usage.inputTokens === 0) return
      const row = groups.get(team, feature, record.provider, record.model)
      row.calls++
      row.spend += spend
      row.inputTokens += record.usage.inputTokens
      row.cacheReadTokens += record.usage.cacheReadTokens ?? 0
    },
    result() {
      const rows = groups.rows().map((row) => ({ ...row, share: row.cacheReadTokens / row.inputTokens }))
      return { ...section(assumption, rows, (row) => row.spend), total: 0 }
    },
  }
}
