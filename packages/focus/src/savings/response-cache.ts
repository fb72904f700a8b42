import type { ReportCurrency } from './report-currency.js'
import { rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { ResponseCacheRow } from './savings-types.js'

const assumption =
  'Calls the response cache answered (records with cacheHit): no request reached the provider, and cost avoided is what the engine priced the replayed usage at (already saved, not a forecast). ' +
  'The ledger holds no prompt content, so repeated identical calls of features without hits cannot be counted from it.'

/** Features named in the advice at most (by spend); the rest are counted. */
const namedFeatures = 5

/** The response-cache lever: a section of the features with hits, and advice for those without. */
export interface ResponseCacheAccumulator extends SavingsAccumulator<ResponseCacheRow> {
  /**
   * What to turn on for the features whose calls the cache never answered, largest spend first:
   * the ledger cannot show whether their calls repeat, so this names the option, not a saving.
   * `undefined` when every feature that ran had hits.
   */
  advice(): string | undefined
}

/** What the response cache already saved, per team and feature (features without hits are left out of the rows). */
export function responseCache(currency: ReportCurrency): ResponseCacheAccumulator {
  const groups = rowMap<ResponseCacheRow>(([team, feature]) => ({ team: team!, feature: feature!, calls: 0, spend: 0, hits: 0, hitRate: 0, costAvoided: 0, unpricedHits: 0 }))
  return {
    add({ record, team, feature, spend }) {
      if (record.status === 'denied') return
      const row = groups.get(team, feature)
      row.calls++
      row.spend += spend
      if (record.cacheHit === undefined) return
      row.hits++
      if (record.cacheHit.costAvoided === null) row.unpricedHits++
      else row.costAvoided += currency.costOf(record, record.cacheHit.costAvoided)
    },
    result() {
      const rows = groups.rows().filter((row) => row.hits > 0).map((row) => ({ ...row, hitRate: row.hits / row.calls }))
      return section(assumption, rows.sort((a, b) => b.hits - a.hits), (row) => row.costAvoided)
    },
    advice() {
      const rows = groups.rows()
      const without = rows.filter((row) => row.hits === 0).sort((a, b) => b.spend - a.spend)
      if (without.length === 0) return undefined
      const named = without.slice(0, namedFeatures).map((row) => `${row.team}/${row.feature}`).join(', ')
      const more = without.length > namedFeatures ? ` and ${without.length - namedFeatures} more` : ''
      const which = without.length === rows.length ? 'no call was answered by the response cache' : `no hits for ${named}${more}`
      return (
        `Response cache: ${which}. The ledger holds no prompt content, so it cannot show which calls repeat; for calls that do (same model, parameters and messages, e.g. temperature 0), ` +
        'turn on the response cache with createFinOps({ cache }) and opt those calls in (docs/response-cache.md); their hits and the cost they avoided then appear here.'
      )
    },
  }
}
