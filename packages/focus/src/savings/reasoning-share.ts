import { femtoToNanos, rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { ReasoningRow } from './savings-types.js'

const assumption =
  'Reasoning tokens as a share of output tokens (they are billed as output), and what they cost at the model\'s reasoning price; ' +
  'a lower reasoning effort or a non-reasoning model for short answers reduces them.'

/** Reasoning-token share and cost per team and feature (features without reasoning tokens are left out). */
export function reasoningShare(): SavingsAccumulator<ReasoningRow> {
  const groups = rowMap<ReasoningRow>(([team, feature]) => ({
    team: team!, feature: feature!, calls: 0, spend: 0, outputTokens: 0, reasoningTokens: 0, share: 0, reasoningSpend: 0,
  }))
  return {
    add({ record, team, feature, spend, price, tier, convert }) {
      if (record.status === 'denied') return
      const row = groups.get(team, feature)
      const reasoning = record.usage.reasoningTokens ?? 0
      row.calls++
      row.spend += spend
      row.outputTokens += record.usage.outputTokens
      row.reasoningTokens += reasoning
      if (price !== null && reasoning > 0) row.reasoningSpend += convert(femtoToNanos(reasoning * price.unitRates(record.usage.inputTokens, tier).reasoning))
    },
    result() {
      const rows = groups
        .rows()
        .filter((row) => row.reasoningTokens > 0)
        .map((row) => ({ ...row, share: row.reasoningTokens / row.outputTokens }))
      return { ...section(assumption, rows, (row) => row.reasoningSpend), total: 0 }
    },
  }
}
