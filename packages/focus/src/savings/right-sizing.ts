import { percentile } from './percentile.js'
import { createSiblingLookup } from './model-siblings.js'
import { rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { RightSizingRow } from './savings-types.js'

/** Right-sizing suggestion, plus whether any call said whether it offered tools. */
export interface RightSizing extends SavingsAccumulator<RightSizingRow> {
  /** True once a call carried the attribution key `tools`. */
  readonly toolsRecorded: boolean
}

interface Group extends RightSizingRow {
  outputs: number[]
  usedTools: boolean
}

/**
 * Features whose successful calls on a model with a cheaper sibling have a p95 output below
 * `shortOutputTokens` and no tool use (server-side tools in the usage, or an attribution `tools`
 * other than `none`/`false`/`no`), and their cost minus the same tokens on the sibling.
 */
export function rightSizing(siblings: Readonly<Record<string, string>>, shortOutputTokens: number): RightSizing {
  const siblingOf = createSiblingLookup(siblings)
  const assumption =
    `Features whose calls on a model with a cheaper sibling of the same family have a p95 output below ${shortOutputTokens} tokens and used no tools, ` +
    'repriced token for token on the sibling (same tier). Quality is not measured: try the sibling on a sample first.'
  const groups = rowMap<Group>(([team, feature, provider, model, sibling]) => ({
    team: team!, feature: feature!, provider: provider!, model: model!, sibling: sibling!, calls: 0, spend: 0, p95OutputTokens: 0, saving: 0, outputs: [], usedTools: false,
  }))
  let toolsRecorded = false
  return {
    get toolsRecorded() {
      return toolsRecorded
    },
    add(call) {
      const { record, price, tier } = call
      const tools = record.attribution.tools
      if (tools !== undefined) toolsRecorded = true
      const sibling = siblingOf(record.model)
      if (sibling === undefined || record.status !== 'ok' || price === null) return
      const siblingPrice = call.priceOf(sibling)
      if (siblingPrice === null) return
      const usage = record.usage
      const row = groups.get(call.team, call.feature, record.provider, record.model, sibling)
      row.calls++
      row.spend += call.spend
      row.outputs.push(usage.outputTokens)
      const serverTools = (usage.webSearchRequests ?? 0) + (usage.fileSearchCalls ?? 0) + (usage.codeInterpreterSessions ?? 0) > 0
      if (serverTools || (tools !== undefined && !['none', 'false', 'no'].includes(tools.toLowerCase()))) row.usedTools = true
      row.saving += call.convert(price.cost(usage, tier).totalNanos - siblingPrice.cost(usage, tier).totalNanos)
    },
    result() {
      const rows = groups
        .rows()
        .filter((group) => !group.usedTools)
        .map(({ outputs, usedTools: _, ...row }) => ({ ...row, p95OutputTokens: percentile(outputs, 0.95) }))
        .filter((row) => row.p95OutputTokens < shortOutputTokens && row.saving > 0)
      return section(assumption, rows, (row) => row.saving)
    },
  }
}
