import { randomUUID } from 'node:crypto'
import type { CallResult } from '../call/call-result.js'
import type { Currency } from '../money/currency.js'
import type { CostBreakdown, ResolvedPrice } from '../prices/price-book-types.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import type { CallState } from './admitted-call.js'
import type { UsageRecord, UsageRecordCost } from './usage-record.js'

const noUsage: NormalizedUsage = Object.freeze({ inputTokens: 0, outputTokens: 0 })
/** What a response-cache hit costs: nothing. */
export const NO_COST: CostBreakdown = Object.freeze({ totalNanos: 0, inputNanos: 0, cacheReadNanos: 0, cacheWriteNanos: 0, outputNanos: 0, requestNanos: 0 })

/**
 * The usage record of one finished (or denied) call. `breakdown` is what the call's usage costs at
 * its price; on a response-cache hit (`state.cachedResponse`) the record's `cost` is zero and
 * `cacheHit.costAvoided` carries that cost.
 */
export function callUsageRecord(
  state: CallState,
  status: UsageRecord['status'],
  result: CallResult | undefined,
  breakdown: CostBreakdown | null,
  errorType: string | undefined,
  money: Currency,
): UsageRecord {
  const { request, admission } = state
  const hit = state.cachedResponse !== undefined
  const cost = usageRecordCost(hit ? NO_COST : breakdown, state.price, money)
  const record: UsageRecord = {
    id: randomUUID(),
    startTime: new Date(state.startTime).toISOString(),
    durationMs: performance.now() - state.startedAt,
    provider: request.provider,
    operation: request.operation,
    model: admission?.model ?? request.model,
    responseModel: result?.responseModel,
    downgradedFrom: admission?.downgradedFrom,
    serviceTier: result?.serviceTier ?? request.serviceTier,
    stream: request.stream,
    attribution: state.attribution.values,
    unallocated: state.attribution.missing.length > 0,
    usage: result?.usage ?? noUsage,
    estimated: result?.estimated === true,
    cost,
    policyKeys: admission?.policyKeys ?? [],
    status,
    errorType,
  }
  if (hit) record.cacheHit = { costAvoided: usageRecordCost(breakdown, state.price, money) }
  return record
}

function usageRecordCost(breakdown: CostBreakdown | null, price: ResolvedPrice | null, money: Currency): UsageRecordCost | null {
  if (breakdown === null || price === null) return null
  return {
    amount: money.fromUsdNanos(breakdown.totalNanos),
    input: money.fromUsdNanos(breakdown.inputNanos),
    cacheRead: money.fromUsdNanos(breakdown.cacheReadNanos),
    cacheWrite: money.fromUsdNanos(breakdown.cacheWriteNanos),
    output: money.fromUsdNanos(breakdown.outputNanos),
    request: money.fromUsdNanos(breakdown.requestNanos),
    currency: money.code,
    usdNanos: breakdown.totalNanos,
    source: price.source,
    priceDataDate: price.dataDate,
  }
}
