import type { UsageAmounts } from './provider-report.js'

/** Requests, tokens and cost (USD, exact to the nano-dollar) of one side of a group or their difference. */
export interface UsdAmounts {
  requests: number
  inputTokens: number
  outputTokens: number
  costUsd: number
}

/** Adds `row`'s amounts into `total`. */
export function addAmounts(total: UsageAmounts, row: UsageAmounts): void {
  total.requests += row.requests
  total.inputTokens += row.inputTokens
  total.outputTokens += row.outputTokens
  total.costNanos += row.costNanos
}

/** Zero amounts to add into. */
export const emptyAmounts = (): UsageAmounts => ({ requests: 0, inputTokens: 0, outputTokens: 0, costNanos: 0 })

/** `amounts` with the cost in USD. */
export const inUsd = (amounts: UsageAmounts): UsdAmounts => ({
  requests: amounts.requests,
  inputTokens: amounts.inputTokens,
  outputTokens: amounts.outputTokens,
  costUsd: amounts.costNanos / 1e9,
})

/** `ledger − provider`, cost in USD. */
export const differenceOf = (ledger: UsageAmounts, provider: UsageAmounts): UsdAmounts => ({
  requests: ledger.requests - provider.requests,
  inputTokens: ledger.inputTokens - provider.inputTokens,
  outputTokens: ledger.outputTokens - provider.outputTokens,
  costUsd: (ledger.costNanos - provider.costNanos) / 1e9,
})
