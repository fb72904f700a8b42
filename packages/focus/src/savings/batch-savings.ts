import { rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { BatchRow } from './savings-types.js'

/** Tiers that already cost less than the standard price. */
const discountedTiers = new Set(['batch', 'flex'])

/** Batch / flex suggestion, plus whether any call was marked non-interactive at all. */
export interface BatchSavings extends SavingsAccumulator<BatchRow> {
  /** True once a call was marked non-interactive (by attribution or by `batchFeatures`). */
  readonly marked: boolean
}

/**
 * Calls of non-interactive features (attribution `latency: 'batch'`, or a feature in
 * `batchFeatures`) that ran at neither the batch nor the flex tier, and their cost minus the same
 * usage at the model's `batch` tier price.
 */
export function batchSavings(batchFeatures: readonly string[]): BatchSavings {
  const features = new Set(batchFeatures)
  const assumption =
    "Calls of features marked non-interactive (attribution latency: batch" +
    (features.size > 0 ? `, or ${[...features].join(', ')}` : '') +
    ') that ran at neither the batch nor the flex tier, repriced at the model\'s batch price from the price book\'s service-tier table ' +
    '(OpenAI and Anthropic publish 50% off; other providers are assumed ×0.5: check yours). Results then arrive within 24 hours.'
  const groups = rowMap<BatchRow & { tierSet: Set<string> }>(([team, feature, provider, model]) => ({
    team: team!, feature: feature!, provider: provider!, model: model!, calls: 0, spend: 0, tiers: [], tierSet: new Set(), saving: 0,
  }))
  let marked = false
  return {
    get marked() {
      return marked
    },
    add({ record, team, feature, spend, price, tier, convert }) {
      if (record.attribution.latency !== 'batch' && !features.has(feature)) return
      marked = true
      const serviceTier = record.serviceTier?.toLowerCase() ?? 'default'
      if (record.status === 'denied' || price === null || discountedTiers.has(serviceTier)) return
      const row = groups.get(team, feature, record.provider, record.model)
      row.calls++
      row.spend += spend
      row.tierSet.add(serviceTier)
      row.saving += convert(price.cost(record.usage, tier).totalNanos - price.cost(record.usage, { ...tier, serviceTier: 'batch' }).totalNanos)
    },
    result() {
      const rows = groups.rows().map(({ tierSet, ...row }) => ({ ...row, tiers: [...tierSet].sort() }))
      return section(assumption, rows, (row) => row.saving)
    },
  }
}
