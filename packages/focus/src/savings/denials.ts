import { rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { DenialRow } from './savings-types.js'

const assumption =
  'Calls a guard denied (status denied), by reason. A budget denial can be caused by other calls\' reservations (max_tokens reserved up front) ' +
  'rather than by spend; the ledger does not hold reservations, so this is the visible cost of headroom, not a measure of it.'

/** Denied calls per team and feature, by reason (features without denials are left out). */
export function denials(): SavingsAccumulator<DenialRow> {
  const groups = rowMap<DenialRow>(([team, feature]) => ({ team: team!, feature: feature!, calls: 0, denied: 0, reasons: {} }))
  return {
    add({ record, team, feature }) {
      const row = groups.get(team, feature)
      row.calls++
      if (record.status !== 'denied') return
      row.denied++
      const reason = record.errorType ?? 'unknown'
      row.reasons[reason] = (row.reasons[reason] ?? 0) + 1
    },
    result: () => ({ ...section(assumption, groups.rows().filter((row) => row.denied > 0), (row) => row.denied), total: 0 }),
  }
}
