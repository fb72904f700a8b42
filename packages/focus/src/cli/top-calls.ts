import type { UsageRecord } from '@finops-ai/core'

/** One of the most expensive calls. */
export interface TopCall {
  id: string
  startTime: string
  team: string
  feature: string
  /** `provider/model`. */
  model: string
  inputTokens: number
  outputTokens: number
  /** In the report currency. */
  amount: number
}

/** Keeps the `limit` most expensive calls seen (ties: the earlier call first); memory stays at `limit` calls. */
export function createTopCalls(limit: number): { add(record: UsageRecord, amount: number): void; result(): TopCall[] } {
  const calls: TopCall[] = []
  return {
    add(record, amount) {
      if (calls.length === limit && amount <= calls.at(-1)!.amount) return
      calls.push({
        id: record.id,
        startTime: record.startTime,
        team: record.attribution.team ?? '(none)',
        feature: record.attribution.feature ?? '(none)',
        model: `${record.provider}/${record.model}`,
        inputTokens: record.usage.inputTokens,
        outputTokens: record.usage.outputTokens,
        amount,
      })
      calls.sort((a, b) => b.amount - a.amount || a.startTime.localeCompare(b.startTime))
      if (calls.length > limit) calls.pop()
    },
    result: () => [...calls],
  }
}

/** Header and cells of a top-calls table. */
export function topCallRows(calls: readonly TopCall[], currency: string): { header: string[]; rows: string[][] } {
  return {
    header: ['started', 'call id', 'team', 'feature', 'model', 'input tokens', 'output tokens', `spend ${currency}`],
    rows: calls.map((call) => [call.startTime, call.id, call.team, call.feature, call.model, String(call.inputTokens), String(call.outputTokens), call.amount.toFixed(4)]),
  }
}
