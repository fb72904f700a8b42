import { rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { DowngradeRow } from './savings-types.js'

const assumption =
  'Calls an on_soft_limit downgrade moved to a cheaper model (records with downgradedFrom): the same tokens priced on the requested model minus what they cost.'

/** Savings already made by `on_soft_limit.downgrade`, per team, feature and model pair. */
export function downgrades(): SavingsAccumulator<DowngradeRow> {
  const groups = rowMap<DowngradeRow>(([team, feature, provider, model, requestedModel]) => ({
    team: team!, feature: feature!, provider: provider!, model: model!, requestedModel: requestedModel!, calls: 0, spend: 0, saved: 0,
  }))
  return {
    add(call) {
      const { record, price, tier } = call
      if (record.downgradedFrom === undefined || record.status === 'denied' || price === null) return
      const requested = call.priceOf(record.downgradedFrom)
      if (requested === null) return
      const row = groups.get(call.team, call.feature, record.provider, record.model, record.downgradedFrom)
      row.calls++
      row.spend += call.spend
      row.saved += call.convert(requested.cost(record.usage, tier).totalNanos - price.cost(record.usage, tier).totalNanos)
    },
    result: () => section(assumption, groups.rows(), (row) => row.saved),
  }
}
